/**
 * Value types that every module uses: agency ids, the province's time zone and date formats, the languages Loa speaks
 * and the reader's ({@link vn.loa.shared.Languages}), the SMS segment arithmetic ({@link vn.loa.shared.SmsSegments});
 * work run after a commit ({@link vn.loa.shared.AfterCommit}); and what every upload is checked for
 * ({@link vn.loa.shared.UploadedFiles}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.loa.shared;
