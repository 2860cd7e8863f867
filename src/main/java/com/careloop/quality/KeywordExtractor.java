package com.careloop.quality;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Service keywords of a text: segmented by HanLP (portable 1.8.6) with the service vocabulary
 * ({@code bpmn/quality/serviceKeywords.txt}, a manager extends it) as user dictionary, so its words stay whole; stop
 * words ({@code bpmn/quality/stopWords.txt}) removed. A keyword is a vocabulary word, or a noun, verb or adjective
 * of at least two Chinese characters that is not a person's name; each counted once per text.
 */
@Component
class KeywordExtractor {

    static final int MAX_KEYWORD = 64;

    private final Set<String> vocabulary;
    private final Set<String> stopWords;
    private final Segment segment;

    KeywordExtractor(@Value("${careloop.quality.service-keywords:classpath:bpmn/quality/serviceKeywords.txt}") Resource vocabularyFile,
                     @Value("${careloop.quality.stop-words:classpath:bpmn/quality/stopWords.txt}") Resource stopWordsFile) throws IOException {
        this.vocabulary = words(vocabularyFile);
        this.stopWords = words(stopWordsFile);
        for (String w : vocabulary) {
            CustomDictionary.insert(w, "nz 1024");
        }
        this.segment = HanLP.newSegment().enableCustomDictionary(true).enablePartOfSpeechTagging(true);
    }

    private static Set<String> words(Resource file) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (InputStream in = file.getInputStream();
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    Set<String> vocabulary() {
        return vocabulary;
    }

    /** The keywords of a text, in order of first appearance, each once; empty for null or blank text. */
    List<String> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Term t : segment.seg(text)) {
            String w = t.word.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || w.length() > MAX_KEYWORD || stopWords.contains(w)) {
                continue;
            }
            if (vocabulary.contains(w) || (w.length() >= 2 && contentWord(t) && chinese(w))) {
                found.add(w);
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * Nouns, verbs and adjectives — but never a person's name (HanLP's {@code nr…} tags): a name typed into free text
     * would otherwise become a keyword that outlives the customer's erase request.
     */
    private static boolean contentWord(Term t) {
        String pos = t.nature == null ? "" : t.nature.toString();
        return (pos.startsWith("n") && !pos.startsWith("nr")) || pos.startsWith("v") || pos.startsWith("a");
    }

    /** Outside the vocabulary only Chinese words count (the generated English halves of labels are not the customer's words). */
    private static boolean chinese(String w) {
        return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
