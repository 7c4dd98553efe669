package vn.loa.campaigns;

/** Why a message may take the shortened path. */
public enum Emergency {
    /** storm, flood, landslide, drought */
    DISASTER,
    /** an epidemic outbreak */
    OUTBREAK,
    /** another urgent danger to life */
    OTHER
}
