package vn.loa.transparency;

/** How the notice of handling of a complex request (Decree 13/2018, form 03) reached the requester. */
public enum NoticeMeans {
    /** By post. */
    POST,
    /** By e-mail. */
    EMAIL,
    /** By fax. */
    FAX,
    /** Handed to the requester at the agency's office. */
    IN_PERSON,
    /** Through the portal, the National Public Service Portal or the app the request came through. */
    ONLINE;

    /** The means that suits a request's channel, offered first on the desk's form. */
    public static NoticeMeans suiting(Channel channel) {
        return switch (channel) {
            case POST -> POST;
            case FAX -> FAX;
            case IN_PERSON -> IN_PERSON;
            case ELECTRONIC -> EMAIL;
            case NATIONAL_PUBLIC_SERVICE_PORTAL, APP -> ONLINE;
        };
    }
}
