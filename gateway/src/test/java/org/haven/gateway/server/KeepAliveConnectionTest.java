package org.haven.gateway.server;

import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A browser reuses its connections at once: as soon as one answer has arrived, the next request goes out on the
 * same connection. Every one of them must be answered (see {@link KeepAliveReadGuard}).
 */
class KeepAliveConnectionTest extends GatewayTestSupport {

    private static final int ROUNDS = 300;

    @LocalServerPort
    int gatewayPort;

    @Test
    void everyRequestOnAReusedConnectionIsAnsweredAfterNotModifiedAndStaticAnswers() throws IOException {
        try (Socket socket = new Socket("localhost", gatewayPort)) {
            socket.setSoTimeout(5000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Map<String, String> first = exchange(in, out, "/test-app.js", null, 0);
            String lastModified = first.get("last-modified");
            assertThat(lastModified).as("static files carry Last-Modified").isNotNull();
            for (int round = 1; round <= ROUNDS; round++) {
                assertThat(exchange(in, out, "/test-app.js", lastModified, round).get(":status")).isEqualTo("304");
                assertThat(exchange(in, out, "/", null, round).get(":status")).isEqualTo("200");
                assertThat(exchange(in, out, "/no-such-page.html", null, round).get(":status")).isEqualTo("401");
            }
        }
    }

    /** Sends one GET and reads its whole answer; the status is under ":status", header names in lower case. */
    private static Map<String, String> exchange(InputStream in, OutputStream out, String path, String ifModifiedSince,
                                                int round) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n"
                + (ifModifiedSince == null ? "" : "If-Modified-Since: " + ifModifiedSince + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            String status = line(in);
            headers.put(":status", status.split(" ")[1]);
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            int code = Integer.parseInt(headers.get(":status"));
            if (code != 304 && code != 204) {
                if (headers.containsKey("content-length")) {
                    in.readNBytes(Integer.parseInt(headers.get("content-length")));
                } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                        in.readNBytes(size);
                        line(in);
                    }
                    line(in);
                }
            }
            return headers;
        } catch (SocketTimeoutException e) {
            return fail("No answer within 5 s to GET %s in round %d on a reused connection", path, round);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed by the gateway");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
