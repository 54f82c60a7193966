package io.vdibot.rhev.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API answer: status, XML body (possibly empty) and extra headers such as Location. */
public record ApiResponse(int status, byte[] body, Map<String, String> headers) {

    public static ApiResponse ok(byte[] xml) {
        return new ApiResponse(200, xml, Map.of());
    }

    public static ApiResponse of(int status, byte[] xml) {
        return new ApiResponse(status, xml, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}
