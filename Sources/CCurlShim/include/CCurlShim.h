#ifndef DSRD_CCURLSHIM_H
#define DSRD_CCURLSHIM_H

#include <curl/curl.h>
#include <sys/types.h>

/* Typed wrappers around the C-variadic curl_easy_setopt / curl_easy_getinfo,
   which Swift cannot call. One wrapper per argument type, nothing more. */

typedef size_t (*dsrd_curl_data_callback)(char *buffer, size_t size, size_t nitems, void *userdata);

static inline CURLcode dsrd_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dsrd_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dsrd_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dsrd_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dsrd_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dsrd_curl_setopt_callback(CURL *handle, CURLoption option, dsrd_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dsrd_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode dsrd_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
