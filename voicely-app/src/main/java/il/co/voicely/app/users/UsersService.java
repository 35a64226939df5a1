package il.co.voicely.app.users;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.FormView;
import il.co.voicely.app.web.Pages;
import il.co.voicely.app.web.Visitor;
import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AccountInputException;
import il.co.voicely.core.identity.AccountNotFoundException;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.identity.EmailTakenException;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.identity.UserAccounts;
import il.co.voicely.core.identity.UserAdministration;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * User management for admins at {@code /admin/users}: search, invite, change role, deactivate and
 * reactivate, send a password-reset link. The identity library does (and audits) each change; this reads
 * forms and renders. Impersonation is deliberately not offered.
 */
public final class UsersService implements HttpService {

    static final int PAGE_SIZE = 50;
    private static final Set<String> NOTICES = Set.of("invited", "role", "deactivated", "reactivated", "reset");

    private final Pages pages;
    private final UserDirectory directory;
    private final UserAdministration administration;
    private final UserAccounts accounts;
    private final AuditLog audit;

    @Inject
    UsersService(Pages pages, UserDirectory directory, UserAdministration administration, UserAccounts accounts, AuditLog audit) {
        this.pages = pages;
        this.directory = directory;
        this.administration = administration;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/users", (req, res) -> list(req, res, Status.OK_200, FormView.empty(), Optional.empty()))
                .post("/admin/users/invite", this::invite)
                .post("/admin/users/{id}/role", (req, res) -> change(req, res, "role"))
                .post("/admin/users/{id}/deactivate", (req, res) -> change(req, res, "deactivated"))
                .post("/admin/users/{id}/reactivate", (req, res) -> change(req, res, "reactivated"))
                .post("/admin/users/{id}/reset", (req, res) -> change(req, res, "reset"));
    }

    private void list(ServerRequest req, ServerResponse res, Status status, FormView invite, Optional<String> error) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        String query = req.query().first("q").asOptional().orElse("").strip();
        int page = Math.max(1, req.query().first("page").asOptional().flatMap(UsersService::number).orElse(1));
        List<UserDirectory.Person> people = directory.search(admin.context(), query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        Map<String, Object> params = new HashMap<>();
        params.put("people", people.size() > PAGE_SIZE ? people.subList(0, PAGE_SIZE) : people);
        params.put("query", query);
        params.put("pageNumber", page);
        params.put("hasNext", people.size() > PAGE_SIZE);
        params.put("invite", invite);
        params.put("me", admin.userId());
        params.put("notice", req.query().first("done").asOptional().filter(NOTICES::contains).map(n -> "users.done." + n));
        params.put("error", error);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, status, "users/users.jte", params);
    }

    private void invite(ServerRequest req, ServerResponse res) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        String email = Forms.text(form, "email");
        Optional<Role> role = role(Forms.text(form, "role"));
        FormView view = FormView.empty().with("email", email);
        if (role.isEmpty()) {
            list(req, res, Status.BAD_REQUEST_400, view.error("email", "users.error.role"), Optional.empty());
            return;
        }
        try {
            administration.invite(admin, email, role.get(), pages.lang(req).code(), visitor.ip(), visitor.userAgent());
            done(res, "invited");
        } catch (EmailTakenException e) {
            list(req, res, Status.CONFLICT_409, view.error("email", "users.error.taken"), Optional.empty());
        } catch (AccountInputException e) {
            list(req, res, Status.BAD_REQUEST_400, view.error("email", "input." + e.code()), Optional.empty());
        }
    }

    private void change(ServerRequest req, ServerResponse res, String action) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        Optional<UUID> id = uuid(req.path().pathParameters().get("id"));
        if (id.isEmpty()) {
            list(req, res, Status.NOT_FOUND_404, FormView.empty(), Optional.of("users.error.unknown"));
            return;
        }
        try {
            switch (action) {
                case "role" -> {
                    Optional<Role> role = role(Forms.text(form, "role"));
                    if (role.isEmpty()) {
                        list(req, res, Status.BAD_REQUEST_400, FormView.empty(), Optional.of("users.error.role"));
                        return;
                    }
                    administration.changeRole(admin, id.get(), role.get(), visitor.ip(), visitor.userAgent());
                }
                case "deactivated" -> administration.deactivate(admin, id.get(), visitor.ip(), visitor.userAgent());
                case "reactivated" -> administration.reactivate(admin, id.get(), visitor.ip(), visitor.userAgent());
                default -> sendResetLink(admin, id.get(), visitor);
            }
            done(res, action);
        } catch (PermissionDeniedException e) {
            list(req, res, Status.FORBIDDEN_403, FormView.empty(), Optional.of("users.error.self"));
        } catch (AccountNotFoundException e) {
            list(req, res, Status.NOT_FOUND_404, FormView.empty(), Optional.of("users.error.unknown"));
        }
    }

    /** The reset itself is the account library's (it audits the request); the admin who asked is audited here. */
    private void sendResetLink(AuthenticatedUser admin, UUID id, Visitor visitor) {
        String email = directory.email(admin.context(), id).orElseThrow(() -> new AccountNotFoundException(id));
        accounts.requestPasswordReset(email, visitor.ip(), visitor.userAgent());
        audit.append(admin.context(), AuditEntry.of("user.reset_link_sent").actor(admin.userId()).target("user", id.toString())
                .client(visitor.ip(), visitor.userAgent()));
    }

    private static void done(ServerResponse res, String notice) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/admin/users?done=" + notice).send();
    }

    private static Optional<Role> role(String name) {
        return switch (name) {
            case "student" -> Optional.of(Role.STUDENT);
            case "teacher" -> Optional.of(Role.TEACHER);
            case "admin" -> Optional.of(Role.ADMIN);
            default -> Optional.empty();
        };
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
