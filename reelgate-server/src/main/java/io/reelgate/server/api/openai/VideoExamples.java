package io.reelgate.server.api.openai;

/** The documented Videos API requests and answers, shown in the OpenAPI document (docs/compatibility.md). */
final class VideoExamples {

    static final String CREATE = """
            {"model":"sora-2","prompt":"A calico cat playing a piano on stage","seconds":"4","size":"720x1280"}""";
    static final String CREATE_WITH_IMAGE = """
            {"model":"sora-2-pro","prompt":"The lighthouse beam sweeps the fog","seconds":"8","size":"1280x720",\
            "input_reference":{"image_url":"https://example.com/lighthouse.png"}}""";
    static final String QUEUED = """
            {"id":"video_68d7512d07848190b3e45da0ecbebcde","object":"video","model":"sora-2-pro","status":"queued",\
            "progress":0,"prompt":"The lighthouse beam sweeps the fog","created_at":1758941485,"completed_at":null,\
            "expires_at":null,"size":"1280x720","seconds":"8","remixed_from_video_id":null,"error":null}""";
    static final String COMPLETED = """
            {"id":"video_abc123abc123abc123abc123abc123ab","object":"video","model":"sora-2","status":"completed",\
            "progress":100,"prompt":"A calico cat playing a piano on stage","created_at":1758941485,\
            "completed_at":1758941612,"expires_at":1758945212,"size":"720x1280","seconds":"4",\
            "remixed_from_video_id":null,"error":null}""";
    static final String LIST = """
            {"object":"list","data":[""" + COMPLETED + """
            ],"first_id":"video_abc123abc123abc123abc123abc123ab","last_id":"video_abc123abc123abc123abc123abc123ab",\
            "has_more":false}""";
    static final String DELETED = """
            {"id":"video_abc123abc123abc123abc123abc123ab","deleted":true,"object":"video.deleted"}""";
    static final String REMIX = """
            {"prompt":"Extend the scene with the cat taking a bow to the cheering audience"}""";
    static final String BAD_SECONDS = """
            {"error":{"message":"Invalid value: '10'. Supported values are: '4', '8', '12', '16', and '20'.",\
            "type":"invalid_request_error","param":"seconds","code":"invalid_value"}}""";
    static final String NOT_FOUND = """
            {"error":{"message":"Video with id 'video_abc123abc123abc123abc123abc123ab' not found.",\
            "type":"invalid_request_error","param":null,"code":"not_found"}}""";

    private VideoExamples() {
    }
}
