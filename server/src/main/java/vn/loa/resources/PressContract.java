package vn.loa.resources;

import java.time.LocalDate;

/**
 * A contract by which an agency orders ("đặt hàng") policy-communication products from a press agency (Directive
 * 07/CT-TTg), its value in đồng.
 *
 * @param campaignId the campaign it serves, may be null
 */
public record PressContract(long id, long agencyId, long pressAgencyId, String number, LocalDate signedOn, String subject,
        String deliverables, long valueVnd, LocalDate startsOn, LocalDate endsOn, Long campaignId,
        ContractStatus status) {
}
