package io.reelgate.server.api.kie.veo;

/** The documented Veo requests and answers, shown in the OpenAPI document (docs/compatibility.md, "KIE Veo 3.1"). */
final class VeoExamples {

    static final String GENERATE_REFERENCE = """
            {"prompt":"A dog playing in a park","imageUrls":["http://example.com/image1.jpg",\
            "http://example.com/image2.jpg"],"model":"veo3_fast","watermark":"MyBrand",\
            "callBackUrl":"http://your-callback-url.com/complete","aspect_ratio":"16:9","seeds":12345,\
            "enableFallback":false,"enableTranslation":true,"generationType":"REFERENCE_2_VIDEO"}""";
    static final String GENERATE_TEXT = """
            {"prompt":"A futuristic city with flying cars at sunset.","model":"veo3_fast","aspectRatio":"16:9"}""";
    static final String GENERATED = """
            {"code":200,"msg":"success","data":{"taskId":"veo_task_abcdef123456"}}""";
    static final String UNSUPPORTED_MODEL = """
            {"code":422,"msg":"The model is not supported","data":null}""";
    static final String RECORD_SUCCESS = """
            {"code":200,"msg":"success","data":{"taskId":"veo_task_abcdef123456",\
            "paramJson":"{\\"prompt\\":\\"A futuristic city with flying cars at sunset.\\",\\"waterMark\\":\\"KieAI\\"}",\
            "completeTime":1749205800000,"response":{"taskId":"veo_task_abcdef123456",\
            "resultUrls":["http://example.com/video1.mp4"],"originUrls":["http://example.com/original_video1.mp4"],\
            "resolution":"1080p"},"successFlag":1,"errorCode":null,"errorMessage":"","createTime":1749205500000,\
            "fallbackFlag":false}}""";
    static final String RECORD_UNKNOWN = """
            {"code":422,"msg":"record is null","data":null}""";
    static final String FULL_HD_READY = """
            {"code":200,"msg":"success","data":{"resultUrl":"https://example.com/1080p.mp4"}}""";
    static final String FULL_HD_PROCESSING = """
            {"code":400,"msg":"1080P is processing. It should be ready in 1-2 minutes. Please check back shortly.",\
            "data":null}""";
    static final String FOUR_K = """
            {"taskId":"veo_task_abcdef123456","index":0,"callBackUrl":"http://your-callback-url.com/4k"}""";
    static final String FOUR_K_STARTED = """
            {"code":200,"msg":"success","data":{"taskId":"veo_task_4k_123456","resultUrls":null,"imageUrls":null}}""";
    static final String FOUR_K_PROCESSING = """
            {"code":422,"msg":"4k is processing. It should be ready in 5-10 minutes. Please check back shortly.",\
            "data":null}""";
    static final String EXTEND = """
            {"taskId":"veo_task_abcdef123456","prompt":"The dog jumps into the lake","seeds":12345,\
            "model":"fast","watermark":"MyBrand","callBackUrl":"http://your-callback-url.com/extend"}""";
    static final String EXTENDED = """
            {"code":200,"msg":"success","data":{"taskId":"veo_extend_task_xyz789"}}""";

    private VeoExamples() {
    }
}
