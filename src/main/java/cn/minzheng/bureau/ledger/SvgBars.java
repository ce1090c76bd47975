package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** A bar chart drawn on the server as inline SVG: no script, nothing to download. */
public final class SvgBars {

    private SvgBars() {
    }

    public static String render(List<String> labels, List<? extends Number> values) {
        int width = 640;
        int height = 220;
        int barArea = height - 50;
        double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        double slot = (double) (width - 20) / Math.max(1, labels.size());
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\">");
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i).doubleValue();
            int barHeight = max <= 0 ? 0 : (int) Math.round(value / max * (barArea - 20));
            int x = (int) Math.round(10 + i * slot + slot * 0.15);
            int barWidth = (int) Math.max(2, slot * 0.7);
            int y = 10 + barArea - barHeight;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(barWidth)
                    .append("\" height=\"").append(barHeight).append("\" fill=\"#1f4e79\"/>");
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(y - 4)
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(format(values.get(i))).append("</text>");
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(height - 18)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">").append(HtmlUtils.htmlEscape(labels.get(i)))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String format(Number value) {
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }
}
