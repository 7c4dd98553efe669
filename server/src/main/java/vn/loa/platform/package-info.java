/**
 * The ground every module stands on: the embedded database, the command line, the web shell
 * (layout, navigation, language) and error responses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package vn.loa.platform;
