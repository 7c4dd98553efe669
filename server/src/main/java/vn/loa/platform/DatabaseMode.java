package vn.loa.platform;

/**
 * Whether Loa runs on its own embedded PostgreSQL (with demo data) or on an external server.
 *
 * @param embedded true when Loa started (or attached to) its embedded PostgreSQL under ./data
 */
public record DatabaseMode(boolean embedded) {
}
