package io.reelgate.server.api.openapi;

/**
 * The request and response examples of the KIE documentation (docs/kie-contract.md), verbatim where the docs give one.
 */
public final class KieExamples {

    private KieExamples() {
    }

    public static final String GENERATE_TEXT_REQUEST = """
            {"prompt":"A fluffy orange cat dancing energetically in a colorful room with disco lights","duration":5,\
            "quality":"720p","aspectRatio":"16:9","waterMark":"kie.ai","callBackUrl":"https://api.example.com/callback"}""";

    public static final String GENERATE_IMAGE_REQUEST = """
            {"prompt":"The camera slowly zooms in on the cat","imageUrl":"https://example.com/image.jpg","duration":5,\
            "quality":"720p","waterMark":""}""";

    public static final String EXTEND_REQUEST = """
            {"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","prompt":"The cat keeps dancing as the lights slowly fade",\
            "quality":"720p","waterMark":"kie.ai","callBackUrl":"https://api.example.com/callback"}""";

    public static final String ALEPH_REQUEST = """
            {"prompt":"Transform into a dreamy watercolor painting style with soft pastel colors",\
            "videoUrl":"https://example.com/input-video.mp4","callBackUrl":"https://api.example.com/callback",\
            "waterMark":"kie.ai","uploadCn":false,"aspectRatio":"16:9","seed":123456,\
            "referenceImage":"https://example.com/reference.jpg"}""";

    public static final String TASK_ID_RESPONSE = """
            {"code":200,"msg":"success","data":{"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6"}}""";

    public static final String RECORD_DETAIL_SUCCESS = """
            {"code":200,"msg":"success","data":{"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","parentTaskId":"",\
            "generateParam":{"prompt":"A fluffy orange cat dancing energetically in a colorful room with disco lights",\
            "imageUrl":"https://example.com/image.jpg","expandPrompt":false},"state":"success",\
            "generateTime":"2023-08-15 14:30:45","videoInfo":{"videoId":"485da89c-7fca-4340-8c04-101025b2ae71",\
            "taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","videoUrl":"https://file.com/k/xxxxxxx.mp4",\
            "imageUrl":"https://file.com/m/xxxxxxxx.png"},"failCode":"","failMsg":"","expireFlag":0}}""";

    public static final String RECORD_DETAIL_FAIL = """
            {"code":200,"msg":"success","data":{"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","parentTaskId":"",\
            "generateParam":{"prompt":"A fluffy orange cat","imageUrl":"","expandPrompt":false},"state":"fail",\
            "generateTime":"2023-08-15 14:30:45","videoInfo":null,"failCode":400,\
            "failMsg":"Generation failed, please try again later","expireFlag":0}}""";

    public static final String ALEPH_RECORD_SUCCESS = """
            {"code":200,"msg":"success","data":{"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6",\
            "paramJson":"{\\"prompt\\":\\"A majestic eagle soaring through mountain clouds at sunset\\",\
            \\"videoUrl\\":\\"https://example.com/input-video.mp4\\"}",\
            "response":{"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","resultVideoUrl":"https://file.com/k/xxxxxxx.mp4",\
            "resultImageUrl":"https://file.com/m/xxxxxxxx.png"},"completeTime":"2023-08-15T14:30:45Z",\
            "createTime":"2023-08-15T14:25:00Z","successFlag":1,"errorCode":0,"errorMessage":""}}""";

    public static final String CREDIT_RESPONSE = """
            {"code":200,"msg":"success","data":100}""";

    public static final String DOWNLOAD_URL_REQUEST = """
            {"url":"https://tempfile.aiquickdraw.com/v/68e3e5e8-4bc9-4b0c-8d3c-27d8b1d3e9a1.mp4"}""";

    public static final String DOWNLOAD_URL_RESPONSE = """
            {"code":200,"msg":"success","data":"https://tempfile.1f6cxxxxxxxxxxxxxxxxxxxxxxxxbd98"}""";

    public static final String FILE_URL_UPLOAD_REQUEST = """
            {"fileUrl":"https://example.com/images/sample.jpg","uploadPath":"images/user-uploads",\
            "fileName":"my-image.jpg"}""";

    public static final String BASE64_UPLOAD_REQUEST = """
            {"base64Data":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",\
            "uploadPath":"images/base64","fileName":"base64-image.png"}""";

    public static final String UPLOAD_RESPONSE = """
            {"success":true,"code":200,"msg":"File uploaded successfully","data":{"fileName":"uploaded-image.png",\
            "filePath":"images/user-uploads/uploaded-image.png",\
            "downloadUrl":"https://tempfile.redpandaai.co/xxx/images/user-uploads/uploaded-image.png",\
            "fileSize":154832,"mimeType":"image/png","uploadedAt":"2025-01-01T12:00:00.000Z"}}""";

    public static final String UPLOAD_ERROR = """
            {"success":false,"code":400,"msg":"Missing required parameter: uploadPath","data":null}""";

    public static final String VALIDATION_ERROR = """
            {"code":422,"msg":"prompt must be at most 1800 characters (got 1801)","data":null}""";

    public static final String UNAUTHORIZED = """
            {"code":401,"msg":"You do not have access permissions","data":null}""";

    public static final String SERVER_ERROR = """
            {"code":500,"msg":"Server Error - An unexpected error occurred while processing the request","data":null}""";
}
