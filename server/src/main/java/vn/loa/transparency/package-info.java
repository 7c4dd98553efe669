/**
 * The transparency desk: information requests under the Law on Access to Information (104/2016/QH13) and Decree
 * 13/2018/NĐ-CP, from intake (the public portal, or an officer entering a paper request) through an explicit state
 * machine to an answer, a refusal on an Art. 28 ground, a transfer or a withdrawal, on time limits counted in working
 * days by the calendar from an effective-dated table; the notices of Decree 13 as DOCX in the Decree 30/2020 format;
 * delivery by e-mail or a one-time download link; and the public register of answers, with personal data removed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transparency",
        allowedDependencies = {"calendar", "identity", "audit", "platform", "shared"})
package vn.loa.transparency;
