package io.github.atstrust.testkit.picture;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Certificate authorities as boxes and who signs whom as lines, laid out top-down (an issuer above what it
 * signs): a self-signed root and its cross-certificates are one box (same subject and key), a cross-certificate
 * is a line between two boxes.
 */
final class CaGraph {

    static final int BOX_WIDTH = 176;
    static final int GAP = 14;
    static final int LAYER_HEIGHT = 116;
    static final int MARGIN = 10;

    /** One certificate authority (or leaf), its certificates, and where it is drawn. */
    static final class Node {
        final String authority;
        final List<X509Certificate> certificates = new ArrayList<>();
        final Set<Look> looks = EnumSet.noneOf(Look.class);
        final List<String> marks = new ArrayList<>();
        final List<Edge> incoming = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        int layer = -1;
        double x;

        Node(String authority) {
            this.authority = authority;
        }

        X509Certificate representative() {
            return certificates.stream().filter(CertificateFacts::selfSigned).findFirst().orElse(certificates.get(0));
        }

        boolean selfSigned() {
            return certificates.stream().anyMatch(CertificateFacts::selfSigned);
        }
    }

    /** One issuer-to-subject line and the certificates on it (a cross-certificate and its expired copy). */
    static final class Edge {
        final Node issuer;
        final Node subject;
        final List<X509Certificate> certificates = new ArrayList<>();
        final Set<Look> looks = EnumSet.noneOf(Look.class);
        final List<String> marks = new ArrayList<>();

        Edge(Node issuer, Node subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        /** A line into a root that is also self-signed: a cross-sign. */
        boolean cross() {
            return subject.selfSigned();
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Edge> edges = new LinkedHashMap<>();
    private final Map<X509Certificate, Set<Look>> looks = new LinkedHashMap<>();
    private final Map<X509Certificate, List<String>> marks = new LinkedHashMap<>();
    private int slots;
    private int layers;

    /**
     * Adds a certificate, or more looks and a mark to one already added.
     *
     * @param certificate the certificate
     * @param mark        words to print by it (a defect), or {@code null}
     * @param looks       how it is drawn
     * @return this graph
     */
    CaGraph add(X509Certificate certificate, String mark, Look... looks) {
        this.looks.computeIfAbsent(certificate, c -> EnumSet.noneOf(Look.class)).addAll(List.of(looks));
        List<String> said = this.marks.computeIfAbsent(certificate, c -> new ArrayList<>());
        if (mark != null && !said.contains(mark)) {
            said.add(mark);
        }
        return this;
    }

    /** Builds boxes and lines from the certificates added, and lays them out. */
    CaGraph layOut() {
        for (X509Certificate certificate : looks.keySet()) {
            nodes.computeIfAbsent(CertificateFacts.authority(certificate), Node::new).certificates.add(certificate);
        }
        for (Map.Entry<X509Certificate, Set<Look>> entry : looks.entrySet()) {
            X509Certificate certificate = entry.getKey();
            Node subject = nodes.get(CertificateFacts.authority(certificate));
            Node issuer = CertificateFacts.selfSigned(certificate) ? null : issuerOf(certificate);
            boolean onLine = issuer != null && subject.selfSigned();
            if (issuer == null) {
                subject.looks.addAll(entry.getValue());
            } else {
                Edge edge = edges.computeIfAbsent(issuer.authority + "→" + subject.authority, k -> new Edge(issuer, subject));
                if (!edge.certificates.contains(certificate)) {
                    edge.certificates.add(certificate);
                    if (!subject.incoming.contains(edge)) {
                        subject.incoming.add(edge);
                    }
                }
                edge.looks.addAll(entry.getValue());
                Set<Look> onBox = EnumSet.noneOf(Look.class);
                onBox.addAll(entry.getValue());
                if (onLine) {
                    onBox.remove(Look.DEFECT);
                }
                subject.looks.addAll(onBox);
            }
            (onLine ? edges.get(issuer.authority + "→" + subject.authority).marks : subject.marks)
                    .addAll(marks.get(certificate));
        }
        for (Node node : nodes.values()) {
            layer(node, new java.util.HashSet<>());
        }
        List<Node> tops = new ArrayList<>();
        for (Node node : nodes.values()) {
            Node parent = primaryParent(node);
            (parent == null ? tops : parent.children).add(node);
            layers = Math.max(layers, node.layer + 1);
        }
        for (Node top : tops) {
            place(top);
        }
        return this;
    }

    private Node issuerOf(X509Certificate certificate) {
        Node byName = null;
        for (Node candidate : nodes.values()) {
            X509Certificate issuer = candidate.representative();
            if (CertificateFacts.signed(issuer, certificate)) {
                return candidate;
            }
            if (issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && byName == null) {
                byName = candidate;
            }
        }
        return byName;
    }

    private int layer(Node node, Set<Node> visiting) {
        if (node.layer >= 0) {
            return node.layer;
        }
        if (!visiting.add(node)) {
            return 0;
        }
        int layer = 0;
        for (Edge edge : node.incoming) {
            layer = Math.max(layer, layer(edge.issuer, visiting) + 1);
        }
        visiting.remove(node);
        node.layer = layer;
        return layer;
    }

    /** The nearest issuer above: the box this one is drawn under. */
    private static Node primaryParent(Node node) {
        Node parent = null;
        for (Edge edge : node.incoming) {
            if (edge.issuer.layer < node.layer && (parent == null || edge.issuer.layer > parent.layer)) {
                parent = edge.issuer;
            }
        }
        return parent;
    }

    /** A tidy tree: leaves take the next slot left to right, a parent sits over the middle of its children. */
    private void place(Node node) {
        if (node.children.isEmpty()) {
            node.x = MARGIN + slots++ * (BOX_WIDTH + GAP);
            return;
        }
        for (Node child : node.children) {
            place(child);
        }
        node.x = (node.children.get(0).x + node.children.get(node.children.size() - 1).x) / 2;
    }

    java.util.Collection<Node> nodes() {
        return nodes.values();
    }

    java.util.Collection<Edge> edges() {
        return edges.values();
    }

    int width() {
        return Math.max(1, slots) * (BOX_WIDTH + GAP) - GAP + 2 * MARGIN;
    }

    int height() {
        return Math.max(0, layers - 1) * LAYER_HEIGHT + 90 + 2 * MARGIN;
    }

    static double y(Node node) {
        return MARGIN + node.layer * LAYER_HEIGHT;
    }
}
