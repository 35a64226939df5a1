package il.co.voicely.core.chat;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a conversation is with. One of three keys identifies the contact on a channel, in this order of
 * preference: the channel's own id ({@link #external}, e.g. a WhatsApp {@code wa_id}), the widget's
 * visitor cookie ({@link #visitor}), or our signed-in user ({@link #user}).
 *
 * <pre>{@code
 * Contact.external("972501234567").withName("Dana Levi").withPhone("+972501234567")
 * }</pre>
 */
public record Contact(Optional<UUID> userId, Optional<String> visitorKey, Optional<String> externalId,
                      Optional<String> name, Optional<String> phone, Optional<String> email) {

    public Contact {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(visitorKey, "visitorKey");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        if (userId.isEmpty() && visitorKey.isEmpty() && externalId.isEmpty()) {
            throw new IllegalArgumentException("a contact needs a user id, a visitor key or an external id");
        }
        visitorKey.ifPresent(k -> requireText(k, "visitorKey"));
        externalId.ifPresent(k -> requireText(k, "externalId"));
    }

    /** A signed-in user of ours. */
    public static Contact user(UUID userId) {
        return new Contact(Optional.of(userId), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An anonymous widget visitor, known by the cookie the widget keeps. */
    public static Contact visitor(String visitorKey) {
        return new Contact(Optional.empty(), Optional.of(visitorKey), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A contact known by the channel's id (WhatsApp {@code wa_id}, Telegram chat id). */
    public static Contact external(String externalId) {
        return new Contact(Optional.empty(), Optional.empty(), Optional.of(externalId), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Contact withUser(UUID id) {
        return new Contact(Optional.of(id), visitorKey, externalId, name, phone, email);
    }

    public Contact withName(String value) {
        return new Contact(userId, visitorKey, externalId, Optional.ofNullable(value), phone, email);
    }

    /** E.164, e.g. {@code +972501234567}. */
    public Contact withPhone(String value) {
        return new Contact(userId, visitorKey, externalId, name, Optional.ofNullable(value), email);
    }

    public Contact withEmail(String value) {
        return new Contact(userId, visitorKey, externalId, name, phone,
                Optional.ofNullable(value).map(v -> v.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The first name, for greetings: the name up to its first space. */
    public Optional<String> firstName() {
        return name.map(String::strip).filter(n -> !n.isEmpty()).map(n -> n.split("\\s+", 2)[0]);
    }

    private static void requireText(String value, String what) {
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(what + " must be 1–200 characters: '" + value + "'");
        }
    }
}
