package io.reelgate.server.api.kie.market;

/** The documented Market requests and answers, shown in the OpenAPI document (docs/compatibility.md, "KIE Market jobs"). */
final class MarketExamples {

    static final String CREATE_KLING = """
            {"model":"kling-2.6/text-to-video","callBackUrl":"https://your-domain.com/api/callback",\
            "input":{"prompt":"A fox runs through fresh snow at dawn","sound":false,"aspect_ratio":"16:9","duration":"5"}}""";
    static final String CREATE_HAILUO = """
            {"model":"hailuo/2-3-image-to-video-standard","input":{"prompt":"The lighthouse beam sweeps the fog",\
            "image_url":"https://example.com/lighthouse.png","duration":"6","resolution":"768P"}}""";
    static final String CREATED = """
            {"code":200,"msg":"success","data":{"taskId":"task_kling-2.6_1765187774173"}}""";
    static final String UNSUPPORTED_MODEL = """
            {"code":422,"msg":"The model is not supported","data":null}""";
    static final String RECORD_SUCCESS = """
            {"code":200,"msg":"success","data":{"taskId":"task_12345678","model":"kling-2.6/text-to-video",\
            "state":"success","param":"{\\"model\\":\\"kling-2.6/text-to-video\\",\\"input\\":{\\"prompt\\":\\"...\\"}}",\
            "resultJson":"{\\"resultUrls\\":[\\"https://example.com/generated-content.mp4\\"]}","failCode":"",\
            "failMsg":"","costTime":8,"completeTime":1698765432000,"createTime":1698765400000,\
            "updateTime":1698765432000,"progress":100,"creditsConsumed":55}}""";
    static final String RECORD_FAIL = """
            {"code":200,"msg":"success","data":{"taskId":"task_12345678","model":"kling-2.6/text-to-video",\
            "state":"fail","param":"{\\"model\\":\\"kling-2.6/text-to-video\\",\\"input\\":{\\"prompt\\":\\"...\\"}}",\
            "resultJson":"","failCode":"422","failMsg":"Invalid prompt: prompt contains prohibited content",\
            "costTime":2,"completeTime":1698765432000,"createTime":1698765400000,"updateTime":1698765432000,\
            "progress":0,"creditsConsumed":0}}""";

    private MarketExamples() {
    }
}
