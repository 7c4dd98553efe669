/**
 * Resources: the people each agency has for policy communication (spokesperson, communication officers, full-time or
 * not) and the training they received; budget lines per agency and year (planned, committed, spent) linked to campaigns
 * and to the contracts by which agencies order policy-communication products from press agencies; and what each agency
 * has against what a directive asks of its kind of agency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resources",
        allowedDependencies = {"coordination", "campaigns", "press", "identity", "audit", "platform", "shared"})
package vn.loa.resources;
