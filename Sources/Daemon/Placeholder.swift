import MailCore
import Requests
import Store
import Transport
