package cn.minzheng.bureau.versions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.DeploymentCheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a new deployment whose process names a form bound to its own deployment
 * ({@code camunda:formRefBinding="deployment"}) that the deployment does not hold. Camunda Modeler's rocket deploys
 * the open diagram alone unless its forms are attached; the engine would take it, and every case started on that
 * version would meet a start form and task forms Tasklist cannot open (No Camunda Form Definition was found …).
 * The process manager learns it at once, in Chinese, with the forms to attach.
 * Versions deployed before this check still load ({@link cn.minzheng.bureau.engine.DeploymentChecksPlugin}).
 */
@Component
public class FormsDeployedWithTheirProcess implements DeploymentCheck {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> ELEMENTS_WITH_FORMS = Set.of("userTask", "startEvent");
    private static final String DEPLOYED_FORM_KEY = "camunda-forms:deployment:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void check(Map<String, byte[]> files) {
        Set<String> formIds = new TreeSet<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                formIds.add(formId(name, content));
            }
        });
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            String name = file.getKey();
            if (!name.endsWith(".bpmn") && !name.endsWith(".bpmn20.xml")) {
                continue;
            }
            List<FormUse> missing = formsBoundToTheDeployment(file.getValue()).stream()
                    .filter(use -> use.resourceName() == null ? !formIds.contains(use.form()) : !files.containsKey(use.resourceName()))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ParseException(message(name, missing), name, List.copyOf(missing), List.of());
            }
        }
    }

    private static String message(String bpmn, List<FormUse> missing) {
        Map<String, String> forms = new LinkedHashMap<>();
        missing.forEach(use -> forms.putIfAbsent(use.form(), use.elementName().isBlank() ? use.form() : use.form() + "（" + use.elementName() + "）"));
        return "流程文件 " + bpmn + " 使用的表单没有随本次部署提交：" + String.join("、", forms.values()) + "。"
                + "每个流程版本只使用与它一同部署的表单，缺少表单的版本，其发起表单和任务表单在任务清单中都无法打开。"
                + "请把 forms/ 中的这些 .form 文件与流程文件一同部署：在 Camunda Modeler 的部署对话框中添加为附加文件，"
                + "或使用 README《Deploying a change without a rebuild》中的命令。本次部署未生效。";
    }

    /**
     * A form a user task or start event names, bound to the deployment: by its id ({@code camunda:formRef}) or by its
     * file ({@code camunda:formKey="camunda-forms:deployment:…"}, {@code resourceName} then set); where in the file.
     */
    record FormUse(String form, String resourceName, String elementId, String elementName, int line, int column)
            implements Problem {

        @Override
        public String getMessage() {
            return "表单 " + form + " 没有随本次部署提交" + (elementName.isBlank() ? "" : "（" + elementName + "）");
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getColumn() {
            return column;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return elementId == null ? List.of() : List.of(elementId);
        }
    }

    /** The forms the process's user tasks and start events name with binding "deployment". */
    static List<FormUse> formsBoundToTheDeployment(byte[] bpmn) {
        List<FormUse> forms = new ArrayList<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && BPMN_NS.equals(xml.getNamespaceURI())
                        && ELEMENTS_WITH_FORMS.contains(xml.getLocalName())) {
                    String id = xml.getAttributeValue(null, "id");
                    String name = valueOrEmpty(xml.getAttributeValue(null, "name"));
                    int line = xml.getLocation().getLineNumber();
                    int column = xml.getLocation().getColumnNumber();
                    String formRef = xml.getAttributeValue(CAMUNDA_NS, "formRef");
                    String formKey = xml.getAttributeValue(CAMUNDA_NS, "formKey");
                    if (formRef != null && "deployment".equals(xml.getAttributeValue(CAMUNDA_NS, "formRefBinding"))
                            && !isExpression(formRef)) {
                        forms.add(new FormUse(formRef, null, id, name, line, column));
                    } else if (formKey != null && formKey.startsWith(DEPLOYED_FORM_KEY) && !isExpression(formKey)) {
                        String file = formKey.substring(DEPLOYED_FORM_KEY.length());
                        forms.add(new FormUse(file, file, id, name, line, column));
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException unreadable) {
            // the engine's own parser reports an unreadable file, with its line and column
            return List.of();
        }
        return forms;
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private static String formId(String name, byte[] form) {
        try {
            JsonNode id = JSON.readTree(form).get("id");
            return id == null ? "" : id.asText();
        } catch (IOException unreadable) {
            throw new ParseException("表单文件 " + name + " 不是有效的 Camunda 表单（JSON）：" + unreadable.getMessage() + "。本次部署未生效。",
                    name, List.of(), List.of());
        }
    }

    private static String valueOrEmpty(String value) {
        return value == null ? "" : value.replaceAll("\\s+", "");
    }
}
