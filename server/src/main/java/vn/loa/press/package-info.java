/**
 * The press and spokesperson desk under Decree 09/2017/NĐ-CP: who may speak for each agency (the registry, its history,
 * its public page and the notice to the press management agency as DOCX in the Decree 30/2020 format), the media
 * directory and its address list, press enquiries routed to the spokesperson and answered on an effective-dated clock
 * with four-eyes approval, and statements in the six forms of Art. 4, press releases published on the portal, its RSS
 * feed and by e-mail; the periodic obligations of Art. 5 with the record of each press conference and the quarterly
 * compliance (XLSX, DOCX), crisis mode of Art. 6 with the clock of the first statement, and correction requests watched
 * in the news.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Press",
        allowedDependencies = {"calendar", "listening", "misinformation", "identity", "audit", "platform", "shared"})
package vn.loa.press;
