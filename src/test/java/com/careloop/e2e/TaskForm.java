package com.careloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js) open in Tasklist, driven by its field keys — the task's API (DESIGN.md) — not by
 * translated labels: the deployed schema (bpmn/forms/{form}.form on the classpath) maps a key to the component id
 * that form-js puts into the element ids ({@code fjs-form-<instance>-<componentId>}), and a select's value to the
 * option label shown. Fields of a dynamic list are addressed by the list's key, the row index and the field key.
 */
public final class TaskForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Browser browser;
    private final JsonNode schema;

    TaskForm(Browser browser, String form) {
        this.browser = browser;
        this.schema = schema(form);
    }

    static JsonNode schema(String form) {
        try (InputStream in = TaskForm.class.getResourceAsStream("/bpmn/forms/" + form + ".form")) {
            if (in == null) {
                throw new IllegalArgumentException("no form bpmn/forms/" + form + ".form on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the deployed form has a field with this key (anywhere, dynamic lists included). */
    public boolean has(String key) {
        return find(schema.path("components"), key) != null;
    }

    private static JsonNode find(JsonNode components, String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null)) || key.equals(c.path("path").asText(null))) {
                return c;
            }
            JsonNode inner = find(c.path("components"), key);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private JsonNode component(String key) {
        JsonNode c = find(schema.path("components"), key);
        if (c == null) {
            throw new IllegalArgumentException("the form has no field " + key);
        }
        return c;
    }

    /** The root element of a field (its .fjs-form-field), in the form or in row {@code row} of a dynamic list. */
    private WebElement field(String key, Scope scope) {
        String id = component(key).path("id").asText();
        return browser.waitFor(d -> scope.root(browser).findElements(By.cssSelector(".fjs-form-field")).stream()
                .filter(f -> !f.findElements(By.cssSelector("[id$='-" + id + "'], [id*='-" + id + "_']")).isEmpty())
                .filter(f -> !f.getAttribute("class").contains("grouplike"))
                .filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    private WebElement input(String key, Scope scope) {
        WebElement f = field(key, scope);
        return f.findElement(By.cssSelector("input:not([type=hidden]), textarea"));
    }

    private void scroll(WebElement e) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", e);
    }

    public TaskForm select(String key, String value) {
        return select(key, value, Scope.FORM);
    }

    public TaskForm text(String key, String value) {
        return text(key, value, Scope.FORM);
    }

    public TaskForm number(String key, int value) {
        return text(key, Integer.toString(value), Scope.FORM);
    }

    public TaskForm check(String key, boolean checked) {
        return check(key, checked, Scope.FORM);
    }

    /** Picks the option with this value (the label shown is the schema's label of that value). */
    TaskForm select(String key, String value, Scope scope) {
        String label = null;
        for (JsonNode v : component(key).path("values")) {
            if (value.equals(v.path("value").asText())) {
                label = v.path("label").asText();
            }
        }
        if (label == null) {
            throw new IllegalArgumentException("field " + key + " has no option " + value);
        }
        WebElement f = field(key, scope);
        String wanted = label;
        WebElement option = null;
        // a select that has a value (a default) may take the first click as focus: open it until the option shows
        for (int attempt = 0; attempt < 3 && option == null; attempt++) {
            WebElement display = f.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group"));
            scroll(display);
            display.click();
            try {
                option = browser.waitFor(d -> f.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .filter(o -> o.getText().trim().equals(wanted)).findFirst().orElse(null), java.time.Duration.ofSeconds(10));
            } catch (org.openqa.selenium.TimeoutException notOpen) {
                option = null;
            }
        }
        if (option == null) {
            throw new AssertionError("select " + key + ": no option '" + wanted + "' after three clicks");
        }
        option.click();
        browser.waitFor(d -> f.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty());
        return this;
    }

    TaskForm text(String key, String value, Scope scope) {
        WebElement in = input(key, scope);
        scroll(in);
        in.click();
        in.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        in.sendKeys(value);
        // leave the field without tabbing into the next one (a select would open its list over the buttons)
        browser.script("arguments[0].blur()", in);
        return this;
    }

    TaskForm check(String key, boolean checked, Scope scope) {
        WebElement box = field(key, scope).findElement(By.cssSelector("input[type=checkbox]"));
        scroll(box);
        if (box.isSelected() != checked) {
            box.click();
        }
        return this;
    }

    /** Adds a row to the dynamic list and returns it, for filling its fields. */
    public Row addRow(String listKey) {
        String id = component(listKey).path("id").asText();
        WebElement list = browser.waitFor(d -> Scope.FORM.root(browser).findElements(By.cssSelector(".fjs-form-field-dynamiclist")).stream()
                .filter(f -> !f.findElements(By.cssSelector("[id$='-" + id + "']")).isEmpty()).findFirst().orElse(null));
        int before = list.findElements(By.cssSelector(".fjs-repeat-row-container")).size();
        WebElement add = list.findElement(By.cssSelector("button.fjs-repeat-render-add"));
        scroll(add);
        add.click();
        browser.waitFor(d -> list.findElements(By.cssSelector(".fjs-repeat-row-container")).size() > before);
        return new Row(list, before);
    }

    /** Whether the field is shown now (form-js removes hidden fields from the page). */
    public boolean shows(String key) {
        String id = component(key).path("id").asText();
        return browser.all(By.cssSelector("[cam-tasklist-form-camunda] [id$='-" + id + "']")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The validation messages shown now, by field id of the element described (e.g. "Number_satisfaction" → "必填"). */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (WebElement e : browser.all(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form-field-error"))) {
            String text = e.getText().trim();
            if (!text.isEmpty() && e.isDisplayed()) {
                String id = e.getAttribute("id");
                errors.put(id == null ? "?" + errors.size() : id.replaceFirst("^fjs-form-[^-]+-", "").replaceFirst("-error-message$", ""), text);
            }
        }
        return errors;
    }

    /** Waits until at least one validation message shows and returns them. */
    public Map<String, String> waitForErrors() {
        return browser.waitFor(d -> {
            Map<String, String> e = errors();
            return e.isEmpty() ? null : e;
        });
    }

    /** A row of a dynamic list. */
    public final class Row {
        private final WebElement list;
        private final int index;

        Row(WebElement list, int index) {
            this.list = list;
            this.index = index;
        }

        private Scope scope() {
            return b -> list.findElements(By.cssSelector(".fjs-repeat-row-container")).get(index);
        }

        public Row select(String key, String value) {
            TaskForm.this.select(key, value, scope());
            return this;
        }

        public Row text(String key, String value) {
            TaskForm.this.text(key, value, scope());
            return this;
        }
    }

    /** Where a field is looked for: the whole form or a row of a dynamic list. */
    interface Scope {
        Scope FORM = b -> b.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));

        WebElement root(Browser browser);
    }
}
