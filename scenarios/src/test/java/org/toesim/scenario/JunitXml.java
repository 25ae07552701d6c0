package org.toesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * TEST ONLY: reads a JUnit XML report as CI reporters do: well-formed XML, valid against
 * {@code junit-report.xsd}, and counts that agree with the test cases it holds.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /** The parsed report; fails the test if it is not a valid, consistent JUnit report. */
    public static Document parse(String xml) throws Exception {
        URL xsd = JunitXml.class.getClassLoader().getResource("junit-report.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element suites = doc.getDocumentElement();
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < suiteList.getLength(); i++) {
            Element suite = (Element) suiteList.item(i);
            int t = suite.getElementsByTagName("testcase").getLength();
            int fl = suite.getElementsByTagName("failure").getLength();
            int er = suite.getElementsByTagName("error").getLength();
            assertEquals(t, Integer.parseInt(suite.getAttribute("tests")), "tests= counts the test cases");
            assertEquals(fl, Integer.parseInt(suite.getAttribute("failures")), "failures= counts the failures");
            assertEquals(er, Integer.parseInt(suite.getAttribute("errors")), "errors= counts the errors");
            tests += t;
            failures += fl;
            errors += er;
        }
        assertEquals(tests, Integer.parseInt(suites.getAttribute("tests")));
        assertEquals(failures, Integer.parseInt(suites.getAttribute("failures")));
        assertEquals(errors, Integer.parseInt(suites.getAttribute("errors")));
        return doc;
    }

    /** Test case name to its failure (or error) element, for the failed cases, in document order. */
    public static Map<String, Element> problems(Document doc) {
        Map<String, Element> out = new LinkedHashMap<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            for (String tag : new String[] {"failure", "error"}) {
                NodeList p = c.getElementsByTagName(tag);
                if (p.getLength() > 0) {
                    out.put(c.getAttribute("name"), (Element) p.item(0));
                }
            }
        }
        return out;
    }

    /** Names of all test cases, in document order. */
    public static List<String> caseNames(Document doc) {
        List<String> out = new ArrayList<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            out.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return out;
    }
}
