package cn.minzheng.bureau.documents;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A document to render: its template under {@code templates/documents/}, the data it shows, its title, and the
 * moment it stands for (taken from the stored data, e.g. the decision's time), which becomes the PDF's creation
 * date. {@code key} names the document uniquely (kind and record), and becomes the PDF's file identifier: the
 * same request gives the same bytes.
 */
public record Document(String template, Map<String, Object> model, String title, String key, LocalDateTime issuedAt) {
}
