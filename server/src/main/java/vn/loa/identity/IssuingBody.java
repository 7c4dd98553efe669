package vn.loa.identity;

/**
 * How an agency stands in its own documents (Decree 30/2020/NĐ-CP, Appendix I): the abbreviation after the document's
 * kind in the number's symbol ("TB-UBND", "TB-SYT") and the signature block. A People's Committee decides collectively,
 * so its documents are signed on its behalf by its chairperson ("TM. Ủy ban nhân dân", "Chủ tịch") and its symbol is
 * "UBND" whatever its code in the directory (since 2025 the unit's number, "56"); a department is signed by its
 * director, under its own abbreviation, which is its code ("SYT").
 *
 * @param abbreviation the issuer's part of the symbol
 * @param signatory the signature block's lines, separated by line breaks, as {@code OfficialLetter.close} takes them
 */
public record IssuingBody(String abbreviation, String signatory) {

    /** The People's Committee's abbreviation. */
    public static final String PEOPLES_COMMITTEE = "UBND";

    /** The kinds of unit a commune's or a district's name starts with, the longer first. */
    private static final java.util.List<String> UNIT_KINDS = java.util.List.of("Thị trấn ", "Thành phố ", "Đặc khu ",
            "Phường ", "Thị xã ", "Huyện ", "Quận ", "Xã ");

    /** How an agency issues its documents; an agency the directory does not know (null) by its code. */
    public static IssuingBody of(Agency agency, String code) {
        return agency == null ? new IssuingBody(code, "Thủ trưởng cơ quan") : of(agency);
    }

    /** How an agency issues its documents, by its kind. */
    public static IssuingBody of(Agency agency) {
        return switch (agency.kind()) {
            case PROVINCE, DISTRICT, COMMUNE -> peoplesCommittee();
            case DEPARTMENT -> new IssuingBody(agency.code(), "Giám đốc");
            default -> new IssuingBody(agency.code(), "Thủ trưởng cơ quan");
        };
    }

    /**
     * The agency's name at the head of its documents and where they speak of it: a commune's or a district's is its
     * People's Committee's ("Ủy ban nhân dân xã Ninh Hải"), as it is the committee that issues, not the unit; the
     * province's is recorded as its committee's already; any other agency's is its own.
     */
    public static String name(Agency agency) {
        return switch (agency.kind()) {
            case DISTRICT, COMMUNE -> committeeOf(agency.nameVi());
            default -> agency.nameVi();
        };
    }

    /**
     * The place before the date of the agency's documents (Decree 30/2020, Appendix I): a commune's or a ward's own
     * name without its kind ("Xã Bác Ái Tây": "Bác Ái Tây"; "Phường Phan Rang": "Phan Rang"), in full when the name is
     * a number ("Phường 12"); a district's the same way; any agency of the province, the province's name.
     */
    public static String place(Agency agency, String province) {
        if (agency == null || (agency.kind() != AgencyKind.COMMUNE && agency.kind() != AgencyKind.DISTRICT)) {
            return province;
        }
        String unit = agency.nameVi().strip();
        for (String committee : new String[] {"Ủy ban nhân dân ", "UBND "}) {
            if (unit.length() > committee.length() && unit.regionMatches(true, 0, committee, 0, committee.length())) {
                unit = unit.substring(committee.length()).strip();
            }
        }
        for (String kind : UNIT_KINDS) {
            if (unit.length() > kind.length() && unit.regionMatches(true, 0, kind, 0, kind.length())) {
                String name = unit.substring(kind.length()).strip();
                return name.chars().allMatch(Character::isDigit) ? unit : name;
            }
        }
        return unit;
    }

    /** "Ủy ban nhân dân" before the unit's name, its first letter lower case ("Xã Ninh Hải": "... xã Ninh Hải"). */
    private static String committeeOf(String unit) {
        if (unit.regionMatches(true, 0, "Ủy ban nhân dân", 0, 15) || unit.regionMatches(true, 0, "UBND", 0, 4)) {
            return unit;
        }
        int first = unit.codePointAt(0);
        return "Ủy ban nhân dân " + new String(Character.toChars(Character.toLowerCase(first)))
                + unit.substring(Character.charCount(first));
    }

    /**
     * Whether the agency heads its documents with its own name alone, with no governing body above it: a People's
     * Committee, whichever level, is not "under" the committee above it in its documents (Decree 30/2020, Appendix I:
     * the governing body is written only where there is one).
     */
    public static boolean standsAlone(Agency agency) {
        return switch (agency.kind()) {
            case PROVINCE, DISTRICT, COMMUNE -> true;
            default -> false;
        };
    }

    /**
     * The signature block's lines for a signer holding {@code title} (Decree 30/2020, Appendix I): the head signs under
     * the body's own lines ("TM. Ủy ban nhân dân", "Chủ tịch"); a deputy ("Phó Chủ tịch", "Phó Giám đốc") signs for the
     * head ("KT. Chủ tịch", then the deputy's title); anyone else under their own title in the head's place. A null or
     * blank title leaves the body's lines as they are.
     */
    public String signedBy(String title) {
        if (title == null || title.isBlank()) {
            return signatory;
        }
        String[] lines = signatory.split("\n");
        String head = lines[lines.length - 1].strip();
        String above = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1));
        String own = title.strip();
        String block;
        if (own.equalsIgnoreCase(head)) {
            return signatory;
        } else if (own.regionMatches(true, 0, "Phó ", 0, 4)) {
            block = "KT. " + head + "\n" + own;
        } else {
            block = own;
        }
        return above.isEmpty() ? block : above + "\n" + block;
    }

    /** The symbol of a document of this kind ("TB", "BC") issued by this body. */
    public String symbol(String documentKind) {
        return documentKind + "-" + abbreviation;
    }

    /** A People's Committee, whichever level. */
    public static IssuingBody peoplesCommittee() {
        return new IssuingBody(PEOPLES_COMMITTEE, "TM. Ủy ban nhân dân\nChủ tịch");
    }
}
