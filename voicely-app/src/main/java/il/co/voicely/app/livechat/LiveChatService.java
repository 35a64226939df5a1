package il.co.voicely.app.livechat;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.ForbiddenException;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.QuickReplies;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Live chat's pages: {@code /chat} (anyone; the conversation itself runs over {@code /ws/chat}),
 * {@code /live-chat} (the agents' console, teachers and admins; over {@code /ws/agent}), and
 * {@code GET /api/v1/chat/conversations/{id}/messages?after=N} for a signed-in user's history.
 */
public final class LiveChatService implements HttpService {

    private final Pages pages;
    private final Conversations conversations;
    private final QuickReplies quickReplies;

    @Inject
    LiveChatService(Pages pages, Conversations conversations, QuickReplies quickReplies) {
        this.pages = pages;
        this.conversations = conversations;
        this.quickReplies = quickReplies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/chat", (req, res) -> pages.render(req, res, Status.OK_200, "livechat/chat.jte", Map.of()));
        rules.get("/live-chat", this::console);
        rules.get("/api/v1/chat/conversations/{id}/messages", this::messages);
    }

    private void console(ServerRequest req, ServerResponse res) {
        AuthenticatedUser agent = staff(req);
        pages.render(req, res, Status.OK_200, "livechat/console.jte", Map.of(
                "agentId", agent.userId().toString(),
                "quickReplies", quickReplies.list(agent.context(), "")));
    }

    private void messages(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Optional<UUID> id = uuid(req.path().pathParameters().get("id"));
        long after = req.query().first("after").asOptional().flatMap(LiveChatService::number).orElse(0L);
        // Row-level security decides: someone else's conversation is simply not there.
        if (id.isEmpty() || conversations.find(me.context(), id.get()).isEmpty()) {
            Json.error(res, Status.NOT_FOUND_404, "not_found", "No such conversation.");
            return;
        }
        boolean staff = me.has(Role.TEACHER) || me.has(Role.ADMIN);
        List<Map<String, Object>> out = conversations.messagesAfter(me.context(), id.get(), after, 500).stream()
                .filter(m -> staff || !m.isNote())
                .map(LiveChatService::json).toList();
        Json.send(res, Status.OK_200, Map.of("messages", out));
    }

    private static AuthenticatedUser staff(ServerRequest req) {
        AuthenticatedUser user = Access.user(req);
        if (!user.has(Role.TEACHER) && !user.has(Role.ADMIN)) {
            throw new ForbiddenException("the live-chat console is for teachers and admins");
        }
        return user;
    }

    private static Map<String, Object> json(ChatMessage m) {
        return Map.of("id", m.id(), "sender", m.sender().name().toLowerCase(java.util.Locale.ROOT),
                "kind", m.type().name().toLowerCase(java.util.Locale.ROOT), "body", m.body().orElse(""),
                "at", m.createdAt().toString());
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
