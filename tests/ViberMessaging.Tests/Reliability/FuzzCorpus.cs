namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Every documented response shape of the four APIs (provider documents, provider notes and the quirks the adapters
/// handle), as the fuzzer's seeds. The documents' own examples are invalid JSON; these are the shapes, made valid.
/// </summary>
internal static class FuzzCorpus
{
    public static readonly string[] SmsClubErrors =
    [
        """{"errorRequest":{"errors":{"sender":["Sender name is incorrect"]}}}""",
        """{"errorRequest":{"errors":{"sender":["Sender name is incorrect"],"text":["Incorrect text."]}}}""",
        """{"errorRequest":{"errors":{"noMoney":["Not enough money. It is necessary to refill the balance"]}}}""",
        """{"errorRequest":{"errors":{"account":["Distribution of SMS-mailings from this account is not available"]}}}""",
        """{"errorRequest":{"errors":{"anyCorrectPhones":["No valid numbers found."]}}}""",
        """{"errorRequest":{"errors":{"systemError":["Sorry, a system error has occurred, please contact support."]}}}""",
        """{"errorRequest":{"errors":{"upload_img":["Failed to load image."]}}}""",
        """{"errorRequest":{"errors":{"SMS":["Fields: \"Alpha-name (SMS)\" and \"Message text (SMS)\" should be filled together or not filled at all"]}}}""",
        """{"errorRequest":{"errors":{"text":"Distributions can be scheduled from 8:00 to 20:00"}}}""",
        """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""",
        """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""",
    ];

    public static readonly string[] SmsClubSend =
    [
        """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769"},{"number":"380989361126","id":"5770"},{"number":"380989361123","id":"5771"}],"additionalInfo":{"incorrectPhones":["3809"],"blackList":["380999036122"]}}}}""",
        """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769","chat_id":"2766"}],"additionalInfo":[]}}}""",
        """{"successfulRequest":{"requestData":{"messages":[{"number":380989361121,"id":9007199254740993,"chat_id":2766}],"additionalInfo":{"incorrectPhones":[3809],"blackList":[380999036122]}}}}""",
        """{"successfulRequest":{"requestData":{"messages":{"0":{"number":"380989361121","id":"5769"}},"additionalInfo":[{"incorrectPhones":[]}]}}}""",
        """{"successfulRequest":{"requestData":{"messages":[],"additionalInfo":{"incorrectPhones":["380989361121"]}}}}""",
        """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769"}]}}}""",
        """{"successfulRequest":{}}""",
    ];

    public static readonly string[] SmsClubStatus =
    [
        """{"successfulRequest":{"requestData":{"5769":{"status":"Delivered","additionStatus":"Read","smsStatus":null},"5770":{"status":"Undeliverable","additionStatus":"Not registered","smsStatus":"Delivered"},"5771":{"status":"Pending"}}}}""",
        """{"successfulRequest":{"requestData":{"5769":{"status":"Доставлено","additionalStatus":"Прочитано"},"5770":{"status":"UNDELIV","additionStatus":"Blocked by the recipient"}}}}""",
        """{"successfulRequest":{"requestData":[]}}""",
    ];

    public static readonly string[] SmsClubChats =
    [
        """{"successfulRequest":{"requestData":{"chats":[{"chat_id":"51","recipient":"380777777777","source_address":"test","creation_date":"2020-05-28 11:43:29"},{"chat_id":52,"recipient":380999999999,"creation_date":"2021-01-10 09:00:00"}]}}}""",
        """{"successfulRequest":{"requestData":{"chat":{"recipient":380999999999,"source_address":"test","creation_date":"2021-09-15 17:17:43","messages":[{"id":"1","text":"Hello","date":"2021-09-15 17:17:43","type":"outcoming"},{"text":"Hi","date":"2021-09-15 17:18:00","type":"incoming"}]}}}}""",
    ];

    public static readonly string[] SmsClubAccount =
    [
        """{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}""",
        """{"successfulRequest":{"requestData":{"money":"0.0001","currency":"UAH"}}}""",
        """["MyShop","SMS Club"]""",
        """{"successfulRequest":{"requestData":["MyShop","SMS Club"]}}""",
        """{"successfulRequest":{"requestData":{"12":"MyShop","13":"SMS Club"}}}""",
        """{"successfulRequest":{"requestData":[{"id":12,"name":"MyShop"},{"id":"13","originator":"SMS Club"}]}}""",
        """{"successfulRequest":{"requestData":{"originators":["MyShop","SMS Club"]}}}""",
    ];

    public static readonly string[] DevinoSend =
    [
        """{"status":"ok","messages":[{"providerId":3158611117333282816,"code":"ok"},{"code":"error-subject-unknown"},{"providerId":"3158611117333282818","code":"ok"}]}""",
        """{"status":"error-auth","messages":[]}""",
        """{"status":"error-system","messages":[]}""",
        """{"status":"ok"}""",
        """{"timestamp":1565859580000,"status":401,"error":"Unauthorized","message":"Bad credentials","path":"/send"}""",
    ];

    public static readonly string[] DevinoStatus =
    [
        """{"status":"ok","messages":[{"providerId":3158611117333282816,"code":"ok","status":"read","statusAt":"2016-08-10 15:28:50"},{"providerId":3158611117333282817,"code":"ok","smsStates":[{"id":583465579822710784,"status":"delivered"},{"id":583465579822710785,"state":"sent"}]},{"providerId":3158611117333282818,"code":"ok","status":"undelivered","errorCode":"user-blocked"}]}""",
        """{"status":"ok","messages":[{"providerId":3158611117333282816,"code":"error-instant-message-provider-id-unknown"},{"providerId":"3158611117333282817","code":"ok","status":"vp_expired","error":"not-viber-user","statusAt":1565859580000}]}""",
        """{"timestamp":1565859580000,"status":500,"error":"Internal Server Error","message":"boom","path":"/status"}""",
    ];

    public static readonly string[] DecisionTelecomSend =
    [
        """{"message_id":429}""",
        """{"message_id":"9223372036854775807"}""",
        """{"name":"Invalid Parameter: source_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
        """{"name":"Invalid Parameter: destination_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
        """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""",
        """{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}""",
        """{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}""",
        """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""",
        """{}""",
    ];

    public static readonly string[] DecisionTelecomStatus =
    [
        """{"message_id":429,"status":1}""",
        """{"message_id":429,"status":1,"sms_message_id":3098,"sms_message_status":6}""",
        """{"message_id":"9007199254740993","status":"4","sms_message_id":"3098","sms_message_status":2}""",
        """{"name":"Invalid Parameter: message_id","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
    ];

    public static readonly string[] DecisionTelecomCallbacks =
    [
        """{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"Yes","tracking_data":"tracking_id:100035"}}""",
        """{"message_id":429,"status":1,"sms_message_id":3098,"sms_message_status":6}""",
    ];

    public static readonly string[] SmsByErrors =
    [
        """{"error":"not found"}""",
        """{"error":"Access denied"}""",
        """{"error":"vibername_id is required"}""",
        """{"status":"ERROR","message":"Vibername not found"}""",
        """{"success":false,"error":["a","b"]}""",
        "false",
        "null",
    ];

    public static readonly string[] SmsBySend =
    [
        """{"status":"OK","result":{"message_id":8484}}""",
        """{"status":"ok","result":{"message_id":"9007199254740993"}}""",
        """{"status":"OK","result":{"viber_id":77}}""",
        """{"uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec","success":"OK"}""",
        """{"uuid":null,"success":"error"}""",
    ];

    public static readonly string[] SmsByReads =
    [
        """{"status":"OK","result":{"phone":"375293332211","status":"READ","error_code":0}}""",
        """{"status":"OK","result":{"phone":375293332211,"status":"undelivered","error_code":"17"}}""",
        """[{"message_id":1,"name":"mailing list 1","alphaname_id":123,"success":[{"delivery_id":1001,"phone":"375291111111","status":"NEW","status_time":"2024-10-16 22:52:42.497994"}]},{"errors":["mailing list 3: Content url is not valid"]}]""",
        """{"status":"OK","result":[{"delivery_id":100,"phone":"375293332211","status":"DELIVERED","error_code":0},{"delivery_id":101,"phone":375293332212,"status":"READ","error_code":0}]}""",
        """{"status":"OK","result":{"message_id":8483,"message_type":"TEXT","message":"Test message","button_caption":"","button_link":"","image_file":"","status":"SENT","d_create":"2024-02-01 10:10:35","d_schedule":"2024-02-01 10:10:35","cost":"0.04900 EUR"}}""",
        """{"status":"OK","result":[{"message_id":8483,"message_type":"TEXT","message":"Test message","status":"SENT","d_create":"2024-02-01 10:10:35","cost":"0.04900 EUR"},{"message_id":"8495","message_type":"BUTTON","button_caption":"Go","button_link":"https:\/\/site.by","d_schedule":"2024-02-03 10:00:00","cost":"0,049 EUR"}]}""",
        """{"status":"OK","result":[{"id":"1234","phone":"375293332211","message":"Reply","d_receiver":"2022-09-01 10:39:45"},{"id":"1236","phone":"375293332212","message":"Yes","d_receiver":"2022-09-01 11:29:50"}]}""",
        """{"status":"OK","result":{"0":{"id":"1","phone":"375293332211","message":"a"},"2":{"id":"3","phone":"375293332211","message":"b"}}}""",
        """{"status":"OK","result":{"message_id":4905,"count_subscribers":4}}""",
        """{"status":"OK","result":"Number of flagged messages: 3"}""",
        """{"status":"OK"}""",
        """{"status":"OK","result":false}""",
    ];
}
