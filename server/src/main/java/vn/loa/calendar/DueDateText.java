package vn.loa.calendar;

import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;

/**
 * A period's end and the days it skipped, as sentences in the reader's language: English for an English locale,
 * Vietnamese for any other, so that a sentence never mixes the bundle of one language with the day names of another.
 */
@Component
public class DueDateText {

    private final MessageSource messages;

    DueDateText(MessageSource messages) {
        this.messages = messages;
    }

    /** Why a day was not counted: "Thứ Bảy, ngày nghỉ hằng tuần", "Tết Nguyên đán (Bộ luật Lao động 2019, Điều 112)". */
    public String reason(DueDate.Skipped skipped, Locale asked) {
        Locale locale = Languages.of(asked);
        if (skipped.day() == null) {
            return messages.getMessage("calendar.reason.rest",
                    new Object[] {capitalised(skipped.restDay().getDisplayName(TextStyle.FULL, locale), locale)}, locale);
        }
        CalendarDay day = skipped.day();
        if (day.kind() == DayKind.COMPENSATORY) {
            return messages.getMessage("calendar.reason.compensatory", new Object[] {day.name(locale),
                    LocalTime.format(day.compensates()), day.source()}, locale);
        }
        return messages.getMessage("calendar.reason.day", new Object[] {day.name(locale),
                messages.getMessage("calendar.kind." + day.kind(), null, locale), day.source()}, locale);
    }

    /**
     * The whole explanation. Working days name each day not counted: "Hạn cuối 06/05/2026: 3 ngày làm việc tính từ
     * ngày tiếp theo liền kề ngày 28/04/2026 ...; không tính 30/04/2026 (Ngày Chiến thắng ...); ...". Calendar days count the days
     * off, and say only why the end moved when the last day fell on one (Civil Code Art. 148). No days at all is the
     * day of the event itself, or the next working day when that is a day off.
     */
    public String explain(DueDate due, Locale asked) {
        Locale locale = Languages.of(asked);
        String date = LocalTime.format(due.date());
        String from = LocalTime.format(due.from());
        String skipped = String.join("; ", due.skipped().stream()
                .map(s -> LocalTime.format(s.date()) + " (" + reason(s, locale) + ")").toList());
        if (due.amount() == 0) {
            String head = messages.getMessage("calendar.explain.now", new Object[] {date, from}, locale);
            return skipped.isEmpty() ? head + "."
                    : head + "; " + messages.getMessage("calendar.explain.now-moved", new Object[] {skipped}, locale) + ".";
        }
        String unit = messages.getMessage("calendar.unit." + due.unit(), new Object[] {due.amount()}, locale);
        if (due.unit() == PeriodUnit.CALENDAR_DAYS) {
            String head = messages.getMessage("calendar.explain.calendar-days", new Object[] {date, unit, from}, locale);
            return skipped.isEmpty() ? head + "."
                    : head + "; " + messages.getMessage("calendar.explain.moved", new Object[] {skipped}, locale) + ".";
        }
        String head = messages.getMessage("calendar.explain", new Object[] {date, unit, from}, locale);
        return skipped.isEmpty() ? head + "."
                : head + "; " + messages.getMessage("calendar.explain.skipped", new Object[] {skipped}, locale) + ".";
    }

    /** The whole explanation in the language of the page or API call being answered ({@link Languages#reader()}). */
    public String explain(DueDate due) {
        return explain(due, Languages.reader());
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
