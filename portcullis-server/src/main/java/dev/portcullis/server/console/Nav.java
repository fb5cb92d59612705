package dev.portcullis.server.console;

import java.util.function.Function;

/**
 * The console's pages, in the order of the navigation bar: label, path, and the class that serves it.
 * A new page is one {@link Page} class, one template and one line here (its constructor in place of
 * {@code null}, which serves a "not built yet" page).
 */
public enum Nav {
    NOW("Now", "/", NowPage::new),
    ATTACKS("Attacks", "/attacks", null),
    ACCOUNTS("Accounts", "/accounts", null),
    INCIDENTS("Incidents", "/incidents", null),
    REPORTS("Reports", "/reports", null),
    AUDIT("Audit", "/audit", AuditPage::new);

    private final String label;
    private final String path;
    private final Function<Backend, Page> page;

    Nav(String label, String path, Function<Backend, Page> page) {
        this.label = label;
        this.path = path;
        this.page = page;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    Page page(Backend b) {
        return page == null ? new NotBuilt(this) : page.apply(b);
    }
}
