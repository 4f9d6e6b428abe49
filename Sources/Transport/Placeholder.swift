import CCurl
import CCurlShim
