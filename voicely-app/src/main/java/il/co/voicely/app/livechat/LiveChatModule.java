package il.co.voicely.app.livechat;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import il.co.voicely.app.AppSettings;
import il.co.voicely.app.web.Messages;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.chat.Inbox;
import il.co.voicely.core.chat.QuickReplies;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.rag.assist.WebsiteAssistant;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.llm.ChatModels;
import il.co.voicely.rag.search.HybridSearch;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Clock;

/**
 * Wires live chat: the conversation library, this instance's {@link ChatHub}, and the two WebSocket
 * endpoints. {@link #sockets} is added to the server beside the HTTP routing.
 */
public final class LiveChatModule extends AbstractModule {

    @Provides @Singleton
    Conversations conversations(Database db, Clock clock) {
        return new Conversations(db, clock);
    }

    @Provides @Singleton
    Handoffs handoffs(Database db, AuditLog audit, Clock clock) {
        return new Handoffs(db, audit, clock);
    }

    @Provides @Singleton
    Inbox inbox(Database db) {
        return new Inbox(db);
    }

    @Provides @Singleton
    QuickReplies quickReplies(Database db) {
        return new QuickReplies(db);
    }

    @Provides @Singleton
    ChatHub hub(Database db) {
        return new ChatHub(db);
    }

    @Provides @Singleton
    Origins origins(AppSettings settings) {
        return new Origins(settings.widgetOrigins());
    }

    /** Answers from the {@code website} collection; with no model configured it quotes the pages, offline. */
    @Provides @Singleton
    WebsiteAssistant websiteAssistant(Database db, Handoffs handoffs, AppSettings settings, Clock clock) {
        return new WebsiteAssistant(db, new HybridSearch(db, LocalEmbeddingModel.bundled()),
                ChatModels.fromSettings(settings.llm()), handoffs, clock);
    }

    @Provides @Singleton
    AssistantBot bot(Conversations conversations, Handoffs handoffs, Provider<WebsiteAssistant> assistant, Messages messages) {
        return new AssistantBot(conversations, handoffs, assistant, messages);
    }

    /**
     * The server's WebSocket protocol settings. Helidon itself checks the handshake's {@code Origin}: by
     * default only this server's own authority passes; with a widget allow-list, exactly the listed sites
     * and the app's public address ({@code VOICELY_BASE_URL}) do.
     */
    @Provides @Singleton
    WsConfig socketConfig(AppSettings settings) {
        WsConfig.Builder config = WsConfig.builder();
        if (!settings.widgetOrigins().isEmpty()) {
            java.net.URI base = settings.baseUrl();
            config.addOrigin(base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort()));
            settings.widgetOrigins().forEach(config::addOrigin);
        }
        return config.build();
    }

    /** {@code /ws/chat} for visitors and {@code /ws/agent} for the console; one listener object per connection. */
    @Provides
    WsRouting.Builder sockets(Conversations conversations, ChatHub hub, Handoffs handoffs, Inbox inbox, QuickReplies quickReplies,
                      AssistantBot bot, UserSessions sessions, Origins origins, il.co.voicely.app.analytics.Tracking tracking) {
        return WsRouting.builder()
                .endpoint("/ws/chat", () -> new VisitorSocket(conversations, hub, handoffs, bot, sessions, origins, tracking))
                .endpoint("/ws/agent", () -> new AgentSocket(conversations, hub, handoffs, inbox, quickReplies, sessions, origins));
    }
}
