package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.cwmp.CapturedVectors;
import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The fast UTF-8 parser builds exactly the tree the JDK's StAX builds, and refuses what StAX refuses. */
class Utf8XmlParserTest {

    private final SoapLimits limits = SoapLimits.defaults();
    private final BoundedXmlParser stax = new BoundedXmlParser(limits);

    static Stream<String> capturedEnvelopes() {
        return Stream.of(CapturedVectors.TR098, CapturedVectors.TR181).flatMap(folder ->
                CapturedVectors.manifest(folder).stream().filter(m -> m.cwmpId() != null)
                        .map(m -> folder + m.baseName() + ".xml"));
    }

    @ParameterizedTest
    @MethodSource("capturedEnvelopes")
    void capturedEnvelopesGiveTheSameTreeAsStax(String resource) throws Exception {
        byte[] body = CapturedVectors.bytes(resource);

        assertThat(render(Utf8XmlParser.parse(body, limits))).isEqualTo(render(stax.parseWithStax(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<a xmlns='urn:x' xmlns:p=\"urn:p\"><p:b p:attr='1' plain=\"2\">t&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</p:b></a>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- c --><a><![CDATA[<raw & text>]]>more</a><?pi x?>",
            "<a>\r\nline\rtwo</a>",
            "<p:a xmlns:p='urn:1'><p:b xmlns:p='urn:2'><p:c/></p:b><p:d/></p:a>",
            "<a xml:lang='en'><b  x = 'spaced' /></a>",
            "<a>caf\u00e9 \u20ac \ud83d\ude00</a>",
            "\ufeff<a/>",
    })
    void wellFormedOddities(String document) throws Exception {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);

        assertThat(render(Utf8XmlParser.parse(body, limits))).isEqualTo(render(stax.parseWithStax(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<a><b></a></b>", "<a>", "<a></a><b/>", "<a/>text", "text<a/>", "<p:a/>", "<a b=1/>", "<a b='1'c='2'/>",
            "<a>&unknown;</a>", "<a>&#0;</a>", "<a>\u0001</a>", "<a b='<'/>", "<a><!-- never closed</a>",
            "<a><![CDATA[open</a>", "<a>&amp</a>", "", "   ", "<1a/>", "<a></a >x",
    })
    void malformedDocumentsAreRefused(String document) {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);

        CwmpDecodeException failure = catchThrowableOfType(() -> Utf8XmlParser.parse(body, limits),
                CwmpDecodeException.class);

        assertThat(failure).as(document).isNotNull();
        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(catchThrowableOfType(() -> stax.parseWithStax(body), CwmpDecodeException.class))
                .as("StAX agrees that %s is broken", document).isNotNull();
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] overlong = {'<', 'a', '>', (byte) 0xC0, (byte) 0x80, '<', '/', 'a', '>'};
        byte[] truncated = {'<', 'a', '>', (byte) 0xE2, (byte) 0x82, '<', '/', 'a', '>'};

        assertThat(catchThrowableOfType(() -> Utf8XmlParser.parse(overlong, limits), CwmpDecodeException.class))
                .isNotNull();
        assertThat(catchThrowableOfType(() -> Utf8XmlParser.parse(truncated, limits), CwmpDecodeException.class))
                .isNotNull();
    }

    @Test
    void otherEncodingsAreLeftToStax() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "<a>x</a>".getBytes(StandardCharsets.UTF_16);

        assertThat(Utf8XmlParser.parse(latin1, limits)).isNull();
        assertThat(Utf8XmlParser.parse(utf16, limits)).isNull();
        assertThat(stax.parse(latin1).text()).isEqualTo("caf\u00e9");
        assertThat(stax.parse(utf16).text()).isEqualTo("x");
    }

    /** A canonical text form of a tree: namespace, name, sorted attributes, text, children. */
    static String render(XmlElement element) {
        StringBuilder out = new StringBuilder();
        render(element, out);
        return out.toString();
    }

    private static void render(XmlElement element, StringBuilder out) {
        out.append('{').append(element.namespace()).append('}').append(element.localName());
        Map<String, String> attributes = new TreeMap<>();
        for (String name : List.of("type", "arrayType", "mustUnderstand", "attr", "plain", "x", "lang")) {
            if (element.attribute(name) != null) {
                attributes.put(name, element.attribute(name));
            }
        }
        out.append(attributes).append('[').append(element.children().isEmpty() ? element.text() : "").append(']');
        List<XmlElement> children = new ArrayList<>(element.children());
        out.append('(');
        children.forEach(child -> render(child, out));
        out.append(')');
    }
}
