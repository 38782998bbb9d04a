package dev.backpack.operator;

/** A {@code BACKPACK_*} setting the operator cannot use; the message names the variable and the fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
