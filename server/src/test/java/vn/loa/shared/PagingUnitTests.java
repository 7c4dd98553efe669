package vn.loa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingUnitTests {

    @Test
    void aPageAsAnAddressAsksForItIsForgivenWhatAPersonMayType() {
        assertThat(PageRequest.lenient(null, null)).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.lenient("3", "")).isEqualTo(new PageRequest(3, 50));
        assertThat(PageRequest.lenient(" 2 ", "20")).isEqualTo(new PageRequest(2, 20));
        assertThat(PageRequest.lenient("abc", "x")).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.lenient("-4", "0")).isEqualTo(new PageRequest(1, 1));
        assertThat(PageRequest.lenient("99999999999", "100000")).isEqualTo(new PageRequest(1, 200));
    }

    @Test
    void aPageAsTheApiAsksForItIsRefusedNamingTheParameterWhenOutOfBounds() {
        assertThat(PageRequest.parse(null, "")).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.parse("4", "200")).isEqualTo(new PageRequest(4, 200));
        assertThat(catchThrowableOfType(InvalidInput.class, () -> PageRequest.parse("0", null)).field()).isEqualTo("page");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> PageRequest.parse("two", null)).field()).isEqualTo("page");
        InvalidInput size = catchThrowableOfType(InvalidInput.class, () -> PageRequest.parse("1", "201"));
        assertThat(size.field()).isEqualTo("size");
        assertThat(size.arguments()).containsExactly(200);
    }

    @Test
    void aPageBeyondTheListIsItsLastPage() {
        assertThat(new PageRequest(7, 50).within(2300)).isEqualTo(new PageRequest(7, 50));
        assertThat(new PageRequest(99, 50).within(2300)).isEqualTo(new PageRequest(46, 50));
        assertThat(new PageRequest(99, 50).within(2301)).isEqualTo(new PageRequest(47, 50));
        assertThat(new PageRequest(3, 50).within(0)).isEqualTo(new PageRequest(1, 50));
        assertThat(new PageRequest(3, 50).offset()).isEqualTo(100);
    }

    @Test
    void aPageSaysWhichRowsItHoldsOfHowMany() {
        Page<String> middle = new Page<>(List.of("a", "b"), new PageRequest(2, 2), 5);
        assertThat(middle.first()).isEqualTo(3);
        assertThat(middle.last()).isEqualTo(4);
        assertThat(middle.pages()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        Page<String> last = new Page<>(List.of("e"), new PageRequest(3, 2), 5);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.map(String::length).items()).containsExactly(1);
        // a row added after the list was counted is counted in
        assertThat(new Page<>(List.of("a", "b"), new PageRequest(3, 2), 5).total()).isEqualTo(6);
        Page<String> empty = new Page<>(List.of(), new PageRequest(1, 50), 0);
        assertThat(empty.first()).isZero();
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.hasNext()).isFalse();
    }

    @Test
    void searchTextFindsVietnameseWordsWhateverTheirCaseAndDiacritics() {
        assertThat(SearchText.fold("Sở Y tế Khánh Hòa")).isEqualTo("so y te khanh hoa");
        assertThat(SearchText.fold("ĐƯỜNG ĐIỆN BIÊN PHỦ")).isEqualTo("duong dien bien phu");
        assertThat(new SearchText("  Sở Y tế ").pattern()).isEqualTo("%so y te%");
        // what LIKE reads as wildcards is taken literally
        assertThat(new SearchText("50%_a\\b").pattern()).isEqualTo("%50\\%\\_a\\\\b%");
        assertThat(SearchText.contains("s.name")).startsWith("lower(translate(s.name, 'đĐ").endsWith(")) LIKE ? ESCAPE '\\'")
                .doesNotContain("''");
        assertThat(new SearchText(null).isEmpty()).isTrue();
        assertThat(catchThrowableOfType(InvalidInput.class, () -> new SearchText("x".repeat(201))).field()).isEqualTo("q");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> new SearchText("a\0b")).field()).isEqualTo("q");
    }
}
