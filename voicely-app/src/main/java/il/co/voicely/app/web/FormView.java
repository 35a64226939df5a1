package il.co.voicely.app.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a form shows when it comes back: the values typed (never passwords: callers leave them out), an
 * error message key per field, and one for the form as a whole.
 *
 * <pre>{@code
 * FormView.empty().with("email", typed).error("password", "input.password.too_short");
 * }</pre>
 */
public final class FormView {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private String formError;
    private Object[] formErrorArgs = new Object[0];

    /** A form as first shown. */
    public static FormView empty() {
        return new FormView();
    }

    /** Keeps {@code value} in the field {@code name}. */
    public FormView with(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** Shows the message {@code key} next to the field {@code name}. */
    public FormView error(String name, String key) {
        errors.put(name, key);
        return this;
    }

    /** Shows the message {@code key} (with arguments) above the form. */
    public FormView formError(String key, Object... args) {
        this.formError = key;
        this.formErrorArgs = args;
        return this;
    }

    /** The value to put back in the field, empty string when none. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** The error message key of the field, or null (jte then leaves the error out). */
    public String errorOf(String name) {
        return errors.get(name);
    }

    /** Whether any field or the form has an error. */
    public boolean hasErrors() {
        return formError != null || !errors.isEmpty();
    }

    /** The form-wide message key, if any. */
    public Optional<String> formError() {
        return Optional.ofNullable(formError);
    }

    /** The arguments of the form-wide message. */
    public Object[] formErrorArgs() {
        return formErrorArgs.clone();
    }
}
