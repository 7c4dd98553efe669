package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordRulesUnitTests {

    private final PasswordRules rules = new PasswordRules();

    private void refuses(Map<String, String> passwords, String username, String why) {
        passwords.forEach((password, as) -> assertThat(rules.weakness(password, username)).as(as + ": " + password)
                .isEqualTo(Optional.of(why)));
    }

    @Test
    void refusesATooShortOrTooLongPassword() {
        refuses(Map.of("ngan", "short", "k".repeat(3) + "x9-".repeat(42), "129 characters"), "nguoi-dung",
                "user.error.password");
        assertThat(rules.weakness(null, "nguoi-dung")).contains("user.error.password");
    }

    @Test
    void refusesAPasswordThatContainsTheUserNameInAnyCaseWithOrWithoutDiacritics() {
        refuses(Map.of("r2weak3r2", "the name and r2", "WEAK3R2-2024", "upper case", "my.weak3r2.pw", "inside"),
                "weak3r2", "user.error.password-username");
        refuses(Map.of("Nguyễn@1990!", "diacritics", "NGUYỄN-thu-hà", "upper case with diacritics"), "nguyen",
                "user.error.password-username");
        refuses(Map.of("Lê Văn An 1990", "the name's parts without their dots"), "le.van.an",
                "user.error.password-username");
        refuses(Map.of("Đặng-Đức-99", "đ read as d"), "dangduc", "user.error.password-username");
    }

    @Test
    void refusesAFewCharactersOverAndOver() {
        refuses(Map.of("aaaaaaaa", "one letter", "11111111", "one digit", "abababab", "two letters", "xyzxyzxyzxyz",
                "a group of three", "aaaaaaab", "two different characters", "........", "dots only"), "nguoi-dung",
                "user.error.password-repeated");
    }

    @Test
    void refusesRunsOfTheAlphabetDigitsOrKeyboard() {
        refuses(Map.of("12345678", "digits", "87654321", "digits backwards", "abcdefgh", "letters", "qwertyui",
                "keyboard", "ASDFGHJKL", "keyboard upper case", "qwerty123", "two runs", "123-456-789",
                "runs with dashes", "mnopqrst", "letters in the middle"), "nguoi-dung",
                "user.error.password-sequence");
    }

    @Test
    void refusesTheCommonPasswordsAndThemWithDigitsOrSymbolsAdded() {
        refuses(Map.of("147258369", "digits the list names", "password", "English", "matkhau123", "Vietnamese",
                "Mật Khẩu", "Vietnamese typed with diacritics and a space", "iloveyou", "English",
                "vietnam2024", "a word and a year", "@Admin123!", "symbols around", "anhyeuem", "Vietnamese",
                "loa-demo", "the demo's password, printed on the sign-in page"), "nguoi-dung",
                "user.error.password-common");
    }

    @Test
    void acceptsPasswordsThatAreHardToGuess() {
        for (String password : new String[] {"mat-khau-dai-1", "song-sot-123", "Đồng lúa chín vàng 2024",
                "correct horse battery staple", "N9x!vT4q#pL2", "tôi-đi-làm-lúc-7h"}) {
            assertThat(rules.weakness(password, "nguoi-dung")).as(password).isEmpty();
        }
        // without a user name (not known yet) the other rules still apply
        assertThat(rules.weakness("song-sot-123", null)).isEmpty();
        assertThat(rules.weakness("12345678", null)).contains("user.error.password-sequence");
    }
}
