package org.haven.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * An OpenID Connect provider as far as the gateway sees one: an RSA key generated for this test JVM, its
 * public half published as a JWK set by a real HTTP server, and tokens signed with it.
 */
public final class TestOidcProvider {

    private final RSAKey key;
    private final HttpServer server;

    private TestOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-idp-1").algorithm(JWSAlgorithm.RS256).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
            }
        });
        server.start();
    }

    public static TestOidcProvider start() {
        return new TestOidcProvider();
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    public String token(Map<String, Object> claims) {
        return token(claims, Instant.now(), Duration.ofMinutes(5), key);
    }

    public static String token(Map<String, Object> claims, Instant issuedAt, Duration lifetime, RSAKey signingKey) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer("https://idp.test")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public String expiredToken(Map<String, Object> claims) {
        return token(claims, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5), key);
    }

    /** A token that looks right but is signed by a key the provider never published. */
    public static String tokenSignedByAStranger(Map<String, Object> claims) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-idp-1").generate();
            return token(claims, Instant.now(), Duration.ofMinutes(5), stranger);
        } catch (JOSEException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
