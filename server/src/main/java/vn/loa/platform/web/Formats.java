package vn.loa.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.loa.shared.LocalTime;

/** Date formatting for templates, as {@code ${@fmt.dateTime(instant)}}: dd/MM/yyyy in Asia/Ho_Chi_Minh. */
@Component("fmt")
public class Formats {

    /** {@code dd/MM/yyyy HH:mm:ss} in Asia/Ho_Chi_Minh; empty for null. */
    public String dateTime(Instant instant) {
        return LocalTime.format(instant);
    }

    /** {@code dd/MM/yyyy}; empty for null. */
    public String date(LocalDate date) {
        return LocalTime.format(date);
    }
}
