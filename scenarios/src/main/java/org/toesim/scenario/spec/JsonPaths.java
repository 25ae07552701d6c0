package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** JSON paths in the form users write them: {@code hosts[1].nic.ccbCapacity}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The enclosing path: {@code a.b[2]} -&gt; {@code a.b} -&gt; {@code a} -&gt; "". */
    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The path of a Jackson exception's reference chain. */
    static String of(List<JsonMappingException.Reference> refs) {
        String path = "";
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                path = field(path, r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path = index(path, r.getIndex());
            }
        }
        return path;
    }
}
