package io.reelgate.server.api.kie.runway;

import io.reelgate.server.task.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads KIE request fields leniently (numbers as numbers or numeric strings, {@code null} or {@code ""} as
 * absent) and strictly where a wrong type would change meaning. Every failure names the KIE field.
 */
final class RequestFields {

    private final JsonNode body;

    RequestFields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "Request body must be a JSON object");
        }
        this.body = body;
    }

    /** A string field; {@code null} when absent, JSON null or empty. */
    String optionalString(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidRequestException(field, field + " must be a string");
        }
        String value = node.stringValue();
        return value.isEmpty() ? null : value;
    }

    String requiredString(String field) {
        String value = optionalString(field);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value;
    }

    /** An integer sent as a JSON number or a numeric string ({@code 5}, {@code 5.0}, {@code "5"}). */
    Integer optionalInteger(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return exactInt(node.decimalValue());
            }
            if (node.isString()) {
                return exactInt(new java.math.BigDecimal(node.stringValue().trim()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the typed error below
        }
        throw new InvalidRequestException(field, field + " must be a whole number");
    }

    /** A whole number that may exceed int (seeds), sent as a JSON number or a numeric string. */
    Long optionalLong(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            return null;
        }
        try {
            java.math.BigDecimal value = node.isNumber() ? node.decimalValue()
                    : node.isString() ? new java.math.BigDecimal(node.stringValue().trim()) : null;
            if (value != null) {
                return value.stripTrailingZeros().longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the typed error below
        }
        throw new InvalidRequestException(field, field + " must be a whole number");
    }

    /** A boolean sent as JSON boolean or {@code "true"}/{@code "false"}; anything else counts as absent. */
    boolean lenientBoolean(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isString() && "true".equalsIgnoreCase(node.stringValue().trim());
    }

    /** A legacy free-text field kept for the record: wrong types are ignored rather than refused. */
    String lenientString(String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || !node.isString() || node.stringValue().isEmpty()) {
            return null;
        }
        String value = node.stringValue();
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    /** An absolute http(s) URL with a host, or {@code null} when absent. */
    String optionalHttpUrl(String field) {
        String value = optionalString(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > 2048) {
            throw new InvalidRequestException(field, field + " must be at most 2048 characters");
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // falls through to the error below
        }
        throw new InvalidRequestException(field, field + " must be an absolute http or https URL");
    }

    static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

    private static int exactInt(java.math.BigDecimal value) {
        return value.stripTrailingZeros().intValueExact();
    }
}
