package il.co.voicely.app.home;

import il.co.voicely.app.web.Pages;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;

/** The home page: what the school is and what a student can do here. */
public final class HomeService implements HttpService {

    private final Pages pages;

    /** The home page, rendered by {@code pages}. */
    @Inject
    public HomeService(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> pages.render(req, res, "home/home.jte"));
    }
}
