package com.careloop.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a person uses it: the filter list, the task list of a filter, a task's form. */
public final class Tasklist {

    /** A row of the task list: the task id (from its link), its priority, its assignee ("" when none) and its visible text. */
    public record Row(String taskId, int priority, String assignee, String text) {}

    private final Browser browser;

    public Tasklist(Browser browser) {
        this.browser = browser;
    }

    public static Tasklist login(Browser browser) {
        browser.login("tasklist");
        browser.visible(By.cssSelector(".task-filter"));
        return new Tasklist(browser);
    }

    public Browser browser() {
        return browser;
    }

    /** Clicks the filter whose name contains the text (our own filter names: "待认领回访", "本组反馈" …). */
    public Tasklist filter(String nameContains) {
        WebElement f = browser.waitFor(d -> d.findElements(By.cssSelector(".task-filter")).stream()
                .filter(e -> e.findElement(By.cssSelector("h4.name")).getText().contains(nameContains)).findFirst().orElse(null));
        f.click();
        browser.waitFor(d -> f.getAttribute("class").contains("active"));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasks] .loader:not(.ng-hide)")));
        return this;
    }

    /** The rows of the task list as shown (waits until the list has at least one row), read in one go: the list re-renders. */
    public List<Row> rows() {
        browser.visible(By.cssSelector("ol.tasks-list li.task"));
        List<List<String>> rows = browser.waitFor(d -> browser.<List<List<String>>>script("""
                return [...document.querySelectorAll('ol.tasks-list li.task')].map(li => {
                  const a = li.querySelector('h4.task a'), p = li.querySelector('.priority'), who = li.querySelector('h5.assignee');
                  return [a ? a.getAttribute('href') : '', p ? p.innerText.trim() : '', who ? who.innerText.trim() : '', li.innerText];
                });"""));
        return rows.stream().map(r -> new Row(r.get(0).substring(r.get(0).indexOf("task=") + 5),
                r.get(1).isEmpty() ? 0 : Integer.parseInt(r.get(1)), r.get(2), r.get(3))).toList();
    }

    /** The list row of the task (waits for it). */
    public Row row(String taskId) {
        return browser.waitFor(d -> rows().stream().filter(r -> r.taskId().equals(taskId)).findFirst().orElse(null));
    }

    /** Opens the task from the list (clicks its row) and waits for its form. */
    public TaskForm open(String taskId, String formKey) {
        browser.visible(By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']")).click();
        return form(formKey);
    }

    /** The form of the task now open (form = the Camunda Form's id, e.g. "callCustomer"). */
    public TaskForm form(String formKey) {
        browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));
        return new TaskForm(browser, formKey);
    }

    /** Claims the open task (its "Claim" button) and waits until the form can be completed. */
    public Tasklist claim() {
        browser.visible(By.cssSelector("button.claim[ng-click='claim()']")).click();
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim[ng-click='claim()']")));
        return this;
    }

    /** The header of the open task names its assignee: true when the open task needs claiming. */
    public boolean canClaim() {
        return !browser.all(By.cssSelector("button.claim[ng-click='claim()']")).isEmpty();
    }

    /** Clicks "Complete" (the form validates first: an invalid form stays, with its errors). */
    public void clickComplete() {
        WebElement complete = browser.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        // centred: the fixed page footer would take a click at the bottom edge
        browser.script("arguments[0].scrollIntoView({block: 'center'})", complete);
        // a notice of an earlier refused submit ("提交任务表单时出错") may still lie over the button: close it first
        browser.script("document.querySelectorAll('.notifications .close')"
                + ".forEach(function (b) { b.click(); })");
        try {
            complete.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // still covered by something outside the form (a notice sliding out): the button itself is enabled and
            // validated the form, so press it as the agent would once the notice has gone
            browser.script("arguments[0].click()", complete);
        }
    }

    /** Completes the open task and waits until Tasklist has left it. */
    public void complete(String taskId) {
        clickComplete();
        browser.waitFor(d -> d.findElements(By.cssSelector("ol.tasks-list li.task.active h4.task a[href*='task=" + taskId + "']")).isEmpty()
                && !d.getCurrentUrl().contains("task=" + taskId));
    }
}
