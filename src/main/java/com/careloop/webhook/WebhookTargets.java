package com.careloop.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where CareLoop may send a webhook: http(s) only, no user info, and a host whose every resolved address is public —
 * not loopback, link-local (cloud metadata 169.254.169.254 among them), private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), carrier-grade NAT (100.64/10), "this network" (0/8), unspecified, multicast or broadcast, in IPv4 or
 * IPv4-mapped IPv6 — unless {@code careloop.webhooks.allowed-targets} (comma-separated {@code host:port}) names the
 * target. Checked on the resolved addresses, so a name that points inside is refused like the address itself; at
 * registration, and again before every delivery (WebhookDeliveryWorker), since a name can be pointed elsewhere later.
 */
@Component
public class WebhookTargets {

    /** Why a target is refused; null: it is allowed. */
    public record Verdict(boolean allowed, String reason) {}

    private final Set<String> allowed;

    WebhookTargets(@Value("${careloop.webhooks.allowed-targets:}") String allowedTargets) {
        this.allowed = Arrays.stream(allowedTargets.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return refused("不是有效的 URL not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return refused("只允许 http(s) only http and https URLs");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("URL 不得包含用户信息 no user info in the URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return refused("URL 缺少主机 the URL has no host");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowed.contains((host + ":" + port).toLowerCase(Locale.ROOT)) || allowed.contains((bare + ":" + port).toLowerCase(Locale.ROOT))) {
            return new Verdict(true, null);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return refused("主机无法解析 the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return refused("目标地址属于环回、链路本地或私有网络 the target resolves to a loopback, link-local or private address ("
                        + address.getHostAddress() + "); name it in careloop.webhooks.allowed-targets as " + bare + ":" + port
                        + " if it is meant");
            }
        }
        return new Verdict(true, null);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            if (mapped) {
                try {
                    return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            return false;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 255 && (b[1] & b[2] & b[3] & 0xFF) == 0xFF);
        }
        return true;
    }

    private static Verdict refused(String reason) {
        return new Verdict(false, reason);
    }
}
