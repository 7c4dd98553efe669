package vn.loa.resources.web;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Amounts in đồng as Vietnamese documents write them, {@code ${@dong.format(x)}}: "1.250.000.000 đ" on a Vietnamese
 * page, "1,250,000,000 VND" on an English one.
 */
@Component("dong")
public class Dong {

    /** Dots between thousands and " đ" after (commas and " VND" in English); empty for null. */
    public String format(Number amount) {
        if (amount == null) {
            return "";
        }
        String grouped = String.format(Locale.ROOT, "%,d", amount.longValue());
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? grouped + " VND"
                : grouped.replace(',', '.') + " đ";
    }

    /**
     * Reads an amount as a person types it: "1.250.000.000", "1 250 000 000 đ", "1250000000".
     *
     * @return null for a blank text
     * @throws NumberFormatException when it is not a whole number of đồng
     */
    static Long parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // thousands grouped by dots, commas or spaces, three digits a group; "12,5" is not a whole amount
        String typed = text.strip().replaceAll("(?i)\\s*(đ|đồng|vnd)$", "").replaceAll("\\s", "");
        if (!typed.matches("-?(\\d{1,3}(\\.\\d{3})+|\\d{1,3}(,\\d{3})+|\\d{1,18})")) {
            throw new NumberFormatException(text);
        }
        String digits = typed.replaceAll("[.,]", "");
        if (digits.replace("-", "").length() > 18) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(digits);
    }
}
