package il.co.voicely.app.admin;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.audit.AuditPage;
import il.co.voicely.core.audit.AuditQuery;
import il.co.voicely.core.audit.AuditRecord;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.mail.OutboxMail;
import il.co.voicely.core.mail.OutboxMailer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin pages: the audit log (filters: actor, action, date range; paged) and the mail outbox. Admins
 * only; the queries run in the admin's own context, where the audit log's read policy lets them see it.
 * {@code /api/v1/admin/audit} answers the same filters as JSON.
 */
public final class AdminService implements HttpService {

    static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final AuditLog audit;
    private final OutboxMailer outbox;

    @Inject
    AdminService(Pages pages, AuditLog audit, OutboxMailer outbox) {
        this.pages = pages;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/audit", this::auditPage)
                .get("/admin/outbox", this::outboxPage)
                .get("/api/v1/admin/audit", this::auditJson);
    }

    private void auditPage(ServerRequest req, ServerResponse res) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        AuditFilter filter = AuditFilter.from(req.query(), PAGE_SIZE);
        AuditPage page = audit.query(admin.context(), filter.query());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "admin/audit.jte", Map.of("filter", filter, "result", page));
    }

    private void outboxPage(ServerRequest req, ServerResponse res) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        int page = AuditFilter.pageNumber(req.query());
        List<OutboxMail> mails = outbox.list(admin.context(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "admin/outbox.jte", Map.of(
                "mails", mails.size() > PAGE_SIZE ? mails.subList(0, PAGE_SIZE) : mails,
                "pageNumber", page,
                "hasNext", mails.size() > PAGE_SIZE));
    }

    private void auditJson(ServerRequest req, ServerResponse res) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        AuditPage page = audit.query(admin.context(), AuditFilter.from(req.query(), PAGE_SIZE).query());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", page.total());
        json.put("page", page.page());
        json.put("pageSize", page.pageSize());
        json.put("records", page.records().stream().map(AdminService::describe).toList());
        Json.send(res, Status.OK_200, json);
    }

    private static Map<String, Object> describe(AuditRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("occurredAt", r.occurredAt().toString());
        json.put("actor", r.actor().map(Object::toString).orElse(null));
        json.put("actorRole", r.actorRole());
        json.put("action", r.action());
        json.put("targetType", r.targetType().orElse(null));
        json.put("targetId", r.targetId().orElse(null));
        json.put("ip", r.ip().orElse(null));
        return json;
    }
}
