/**
 * Who may do what: the effective-dated tree of agencies, user accounts with roles, sign-in and
 * lock-out, and API tokens for machine clients.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"audit", "platform", "shared"})
package vn.loa.identity;
