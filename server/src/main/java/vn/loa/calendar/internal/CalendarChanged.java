package vn.loa.calendar.internal;

import java.time.LocalDate;
import vn.loa.shared.Actor;

/** Days between {@code first} and {@code last} changed whether they are worked; heard in the same transaction. */
record CalendarChanged(LocalDate first, LocalDate last, String reason, Actor by) {
}
