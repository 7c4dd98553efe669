package vn.loa.coordination.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.coordination.NewAttachment;
import vn.loa.coordination.Recurrence;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.coordination.Tasks;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** What the pages and the API read from a request the same way: days, numbers, names, files. */
final class CoordinationForms {

    private CoordinationForms() {
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }

    /** The label each form shows for a field, so that a message names the field as the reader sees it. */
    private static final Map<String, String> LABELS = Map.of("issuedOn", "coordination.directive.issued-on", "dueOn",
            "coordination.task.due-on", "startsOn", "coordination.task.starts-on", "endsOn", "coordination.task.ends-on",
            "dueBefore", "coordination.task.due-before", "dueDay", "coordination.task.due-day", "dueMonth",
            "coordination.task.due-month", "percent", "coordination.progress.percent", "directive", "coordination.directive");

    /** The field's label as the reader's language writes it, for a message; the field's name when it has none. */
    static MessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {LABELS.getOrDefault(field, "")}, field);
    }

    /** A day as ISO (yyyy-MM-dd) or dd/MM/yyyy; blank is null; anything else a problem naming the field. */
    static LocalDate day(String value, String field, List<InvalidInput> problems) {
        return day(value, field, LABELS.getOrDefault(field, ""), problems);
    }

    /** A day as {@link #day(String, String, List)} reads it, a problem naming the field by the label given. */
    static LocalDate day(String value, String field, String labelKey, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip(), LocalTime.DAY_INPUT);
            } catch (DateTimeParseException again) {
                problems.add(new InvalidInput(field, "coordination.error.date",
                        new DefaultMessageSourceResolvable(new String[] {labelKey}, field)));
                return null;
            }
        }
    }

    static Integer whole(String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput(field, "coordination.error.number-field", label(field)));
            return null;
        }
    }

    static Recurrence recurrence(String value, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return Recurrence.ONCE;
        }
        try {
            return Recurrence.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput("recurrence", "coordination.error.recurrence"));
            return null;
        }
    }

    static TaskStatusClass statusClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TaskStatusClass.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "coordination.error.status-class");
        }
    }

    static Tasks.Action action(String value) {
        try {
            return value == null ? null : Tasks.Action.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("action", "coordination.error.action");
        }
    }

    static List<String> codes(String values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The values of a repeated field as they were typed, none when the field was not sent. */
    static List<String> repeated(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.stream(values).map(v -> v == null ? "" : v).toList();
    }

    /**
     * The figures of a progress report, from the repeated {@code figureName} and {@code figureValue} fields, read
     * from the request itself: bound to a list, one value "12,5" would be split at its comma into two.
     */
    static Map<String, Double> figures(HttpServletRequest request, List<InvalidInput> problems) {
        String[] names = request.getParameterValues("figureName");
        String[] values = request.getParameterValues("figureValue");
        int count = Math.max(names == null ? 0 : names.length, values == null ? 0 : values.length);
        Map<String, Double> figures = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = names == null || i >= names.length || names[i] == null ? "" : names[i].strip();
            String value = values == null || i >= values.length || values[i] == null ? "" : values[i].strip();
            if (name.isEmpty() && value.isEmpty()) {
                continue;
            }
            Double number = number(value);
            if (number == null) {
                // which of the figures, by its line and the name typed, so that the official finds it
                problems.add(name.isEmpty() ? new InvalidInput("figures", "coordination.error.figure-value", i + 1)
                        : new InvalidInput("figures", "coordination.error.figure-value-named", i + 1, name));
            } else {
                figures.put(name, number);
            }
        }
        return figures;
    }

    private static final Pattern VIETNAMESE = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?");
    private static final Pattern POINT = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * A number as a Vietnamese official writes it: a comma before the decimals and full stops between thousands
     * ({@code 12,5}, {@code 1.250.000}); a number with one full stop and other than three digits after it reads as
     * a decimal point ({@code 12.5}). Anything else, trailing letters included, is null.
     */
    static Double number(String value) {
        String text = value.strip().replace(" ", "").replace("\u00a0", "");
        if (VIETNAMESE.matcher(text).matches()) {
            return Double.parseDouble(text.replace(".", "").replace(',', '.'));
        }
        if (POINT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        return null;
    }

    static List<NewAttachment> attachments(List<MultipartFile> uploads) {
        List<NewAttachment> files = new ArrayList<>();
        if (uploads == null) {
            return files;
        }
        for (MultipartFile file : uploads) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                files.add(new NewAttachment(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw new InvalidInput("attachments", "coordination.error.attachment-empty");
            }
        }
        return files;
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInput("file", "coordination.error.docx");
        }
    }
}
