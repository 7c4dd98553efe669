package vn.loa.platform;

import org.springframework.ui.Model;

/**
 * What every page of the shell needs in its model (the signed-in user, the menu, the banner), contributed as a bean by
 * the module that knows it. Controller advice adds it to the pages controllers render; the error page of a failure a
 * controller threw, which no advice fills, adds it through this, so that it keeps the header and the menu.
 */
public interface ShellModel {

    /** Adds its attributes to a page's model; the model must not be null. */
    void addTo(Model model);
}
