package cn.minzheng.bureau.web;

/** The JSON body of every refused request of the project's API: a stable code and a Chinese message. */
public record ApiError(String code, String message) {
}
