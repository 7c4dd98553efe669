package vn.loa.coordination;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A directive, plan or official letter that assigns tasks.
 *
 * @param id its id
 * @param docKind "Chỉ thị", "Công văn", "Kế hoạch" ...
 * @param number number and symbol as written
 * @param issuedOn the day it was issued
 * @param issuerAgencyId the issuing body's id
 * @param issuerCode the issuing body's code
 * @param signer who signed it
 * @param title its summary line
 * @param summary the officer's short account, may be null
 * @param body the full text, may be null
 * @param fileName the DOCX's name, null when none was uploaded
 * @param status ACTIVE or ENDED
 * @param createdBy who entered it
 * @param createdAt when
 */
public record Directive(long id, String docKind, String number, LocalDate issuedOn, long issuerAgencyId,
        String issuerCode, String signer, String title, String summary, String body, String fileName, String status,
        String createdBy, Instant createdAt) {
}
