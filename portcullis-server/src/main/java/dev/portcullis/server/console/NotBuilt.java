package dev.portcullis.server.console;

/** The page of a nav entry that has none yet ({@link Nav}'s factory null): says so plainly instead of a 404. */
final class NotBuilt implements Page {
    private final Nav nav;

    NotBuilt(Nav nav) {
        this.nav = nav;
    }

    @Override
    public void routes(Routes r) {
        r.get(nav.path(), v -> v.page("notbuilt.jte", nav.label(), nav.label()));
    }
}
